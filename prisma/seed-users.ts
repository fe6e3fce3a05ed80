// Demo accounts, one per role, for local use only (documented in README). The reviewer's credential is
// verified so a new user can walk the whole workflow at once.
import type { Db } from "../lib/db/client";
import { createUser, newUserSchema } from "../lib/users/create-user";
import { parseInput } from "../lib/validation";
import { recordAuditEvent } from "../lib/audit/record-event";
import { linkCredentialSpecialty } from "../lib/assignments/specialties";
import type { Role } from "../lib/auth/roles";
import { TWO_FACTOR_SETTING } from "../lib/auth/two-factor-policy";

export const DEMO_USERS = {
  writer: {
    name: "Wendy Okafor",
    email: "writer@imprimatur.example",
    password: "writer-demo-password",
    roles: ["WRITER"] as Role[],
  },
  reviewer: {
    name: "Dr. Rowan Iyer",
    email: "reviewer@imprimatur.example",
    password: "reviewer-demo-password",
    roles: ["REVIEWER"] as Role[],
  },
  editor: {
    name: "Elena Marsh",
    email: "editor@imprimatur.example",
    password: "editor-demo-password",
    roles: ["EDITOR"] as Role[],
  },
  admin: {
    name: "Aditya Rao",
    email: "admin@imprimatur.example",
    password: "admin-demo-password",
    roles: ["ADMIN"] as Role[],
  },
} as const;

export const DEMO_CREDENTIAL = {
  displayName: "Dr. Rowan Iyer",
  postNominals: "M.D., FRCP, DA",
  specialty: "Dermatology",
  licenseNumber: "GMC 7654321",
  issuingBody: "General Medical Council",
  jurisdiction: "United Kingdom",
  // Reviews the demo's English articles and its Spanish translation.
  languages: JSON.stringify(["en", "es"]),
};

async function ensureUser(db: Db, spec: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) {
  const existing = await db.user.findUnique({ where: { email: spec.email } });
  return existing ?? createUser(db, null, parseInput(newUserSchema, { ...spec, roles: [...spec.roles] }));
}

export async function seedDemoUsers(db: Db) {
  // The demo accounts' passwords are published (README), and the walk-through must work without an
  // authenticator app: the demo does not require two-step sign-in for any role. Only set when absent, so an
  // admin's later choice stands. A real site (no demo seed) keeps the default: reviewers, editors and admins.
  await db.setting.upsert({
    where: { key: TWO_FACTOR_SETTING },
    create: { key: TWO_FACTOR_SETTING, value: "" },
    update: {},
  });
  const writer = await ensureUser(db, DEMO_USERS.writer);
  const reviewer = await ensureUser(db, DEMO_USERS.reviewer);
  const editor = await ensureUser(db, DEMO_USERS.editor);
  const admin = await ensureUser(db, DEMO_USERS.admin);

  let credential = await db.credential.findFirst({ where: { userId: reviewer.id, status: "VERIFIED" } });
  if (!credential) {
    const verifiedAt = new Date();
    const expiresAt = new Date(Date.UTC(verifiedAt.getUTCFullYear() + 2, 11, 31));
    credential = await db.$transaction(async (tx) => {
      const created = await tx.credential.create({
        data: {
          userId: reviewer.id,
          ...DEMO_CREDENTIAL,
          expiresAt,
          status: "VERIFIED",
          verifiedById: admin.id,
          verifiedAt,
        },
      });
      await linkCredentialSpecialty(tx, reviewer.id, created.id, created.specialty);
      await recordAuditEvent(tx, {
        actorId: admin.id,
        action: "credential.verified",
        entityType: "Credential",
        entityId: created.id,
        data: { userId: reviewer.id },
      });
      return created;
    });
  }
  return { writer, reviewer, editor, admin, credential };
}
