// History → Compare: two versions of an article (two revisions, or a revision and the working draft), compared
// as the review screen compares them (compareVersions: citations as labels, references formatted in the
// article's citation style) plus their image changes. The caller has already checked the person may read the
// article (loadEditorState), whose state is passed in.
import type { DbTx } from "../db/client";
import type { EditorState } from "../drafts/load-editor-state";
import { parseDocument } from "../content/document-schema";
import { parseImagesJson, type ImageSnapshot } from "../content/image-snapshot";
import { parseReferencesJson, toReferenceSnapshot } from "../content/reference-snapshot";
import { snapshotImages } from "../media/snapshot-images";
import { compareVersions, type ComparedVersions } from "./compare-versions";
import { diffImages, type ImageChange } from "./diff-images";
import type { DiffableVersion } from "./diff-revisions";

/** "draft" names the working draft; anything else is a revision id of this article. */
export type VersionRef = string;

export interface HistoryComparison {
  fromLabel: string;
  toLabel: string;
  compared: ComparedVersions;
  imageChanges: ImageChange[];
}

interface LoadedVersion {
  label: string;
  version: DiffableVersion;
  images: ImageSnapshot[];
}

async function loadVersion(db: DbTx, state: EditorState, ref: VersionRef): Promise<LoadedVersion | null> {
  if (ref === "draft") {
    const body = parseDocument(state.draft.bodyJson);
    return {
      label: "the working draft",
      version: {
        title: state.draft.title,
        summary: state.draft.summary,
        conditionName: state.draft.conditionName,
        body,
        references: state.references.map(toReferenceSnapshot),
      },
      images: await snapshotImages(db, body, { requireReady: false }),
    };
  }
  const revision = await db.revision.findFirst({ where: { id: ref, articleId: state.article.id } });
  if (!revision) return null;
  return {
    label: `revision ${revision.number}`,
    version: {
      title: revision.title,
      summary: revision.summary,
      conditionName: revision.conditionName,
      body: parseDocument(revision.bodyJson),
      references: parseReferencesJson(revision.referencesJson),
    },
    images: parseImagesJson(revision.imagesJson),
  };
}

/** Null when either version is missing or not of this article. */
export async function compareHistoryVersions(
  db: DbTx,
  state: EditorState,
  from: VersionRef | undefined,
  to: VersionRef | undefined,
): Promise<HistoryComparison | null> {
  if (!from || !to) return null;
  const [before, after] = await Promise.all([loadVersion(db, state, from), loadVersion(db, state, to)]);
  if (!before || !after) return null;
  return {
    fromLabel: before.label,
    toLabel: after.label,
    compared: compareVersions(before.version, after.version, state.article.citationStyle),
    imageChanges: diffImages(before.images, after.images),
  };
}
