"use client";
// The reference manager beside the editor: list (numbered by first use in the text, like the public page),
// add / edit with field-by-field errors, "Cite" to insert a citation at the cursor, and delete that asks
// first and lists where the reference is cited.
import { useState, type FormEvent } from "react";
import type { EditorReference } from "@/lib/drafts/load-editor-state";
import { api, errorText } from "@/components/studio/json-api";
import { ConfirmStep } from "@/components/studio/confirm-step";
import { identifierFields, lookupFailedNextStep } from "@/lib/references/parse-identifier";

const EMPTY: Omit<EditorReference, "id" | "key"> = {
  authors: "",
  title: "",
  containerTitle: "",
  year: null,
  url: null,
  doi: null,
  pmid: null,
  accessedAt: null,
  peerReviewed: false,
  needsDetails: false,
  importedText: "",
};

type CitedIn = Array<{ blockIndex: number; excerpt: string }>;

export function ReferencePanel(props: {
  articleId: string;
  references: EditorReference[];
  numbers: Map<string, number>;
  canEdit: boolean;
  onChange: (refs: EditorReference[]) => void;
  onCite: (key: string) => void;
  onDeleted: (key: string) => void;
  /** From the Cite picker: a source to enter by hand, with what was pasted and why it was not looked up. */
  handoff?: ReferenceHandoff | null;
}) {
  const { articleId, references, numbers, canEdit, handoff } = props;
  const [editing, setEditing] = useState<string | "new" | null>(null);
  // The hand-off opens the new-reference form until that form is done (each hand-off has its own nonce).
  const [handoffDone, setHandoffDone] = useState<number | null>(null);
  const openHandoff = handoff && handoff.nonce !== handoffDone ? handoff : null;
  const [pendingDelete, setPendingDelete] = useState<{ ref: EditorReference; citedIn: CitedIn } | null>(null);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const sorted = [...references].sort((a, b) => (numbers.get(a.key) ?? 1e9) - (numbers.get(b.key) ?? 1e9));

  async function remove(ref: EditorReference, confirm: boolean) {
    setBusy(true);
    setMessage(null);
    try {
      const r = await api<{ references: EditorReference[]; citedIn: CitedIn }>(
        `/api/studio/articles/${articleId}/references/${ref.id}${confirm ? "?confirm=1" : ""}`,
        "DELETE",
      );
      if (r.status === 409 && r.body.error?.details?.citedIn) {
        setPendingDelete({ ref, citedIn: r.body.error.details.citedIn as CitedIn });
        return;
      }
      if (!r.ok) {
        setMessage({ kind: "error", text: errorText(r.body.error, [], "The reference could not be deleted.") });
        return;
      }
      setPendingDelete(null);
      props.onChange(r.body.references);
      props.onDeleted(ref.key);
      setMessage({ kind: "ok", text: `Deleted “${ref.title}”.` });
    } catch {
      setMessage({ kind: "error", text: "The server could not be reached; nothing was deleted." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel reference-panel" aria-labelledby="refs-heading" data-testid="reference-panel">
      <h2 id="refs-heading">References ({references.length})</h2>
      <p className="field-hint">Numbers follow the order of first citation in the text, as readers will see them.</p>
      {message && (
        <p
          className={`notice ${message.kind === "ok" ? "ok" : "error"}`}
          role={message.kind === "error" ? "alert" : "status"}
        >
          {message.text}
        </p>
      )}
      {pendingDelete && (
        <div
          className="notice warn confirm-box"
          role="alertdialog"
          aria-labelledby="confirm-delete-title"
          aria-describedby="confirm-delete-desc"
        >
          <p id="confirm-delete-title">
            <strong>Delete “{pendingDelete.ref.title}”?</strong>
          </p>
          <div id="confirm-delete-desc">
            <p>
              It is cited {pendingDelete.citedIn.length} time{pendingDelete.citedIn.length === 1 ? "" : "s"}. Deleting
              it also removes these citations:
            </p>
            <ul data-testid="cited-in">
              {pendingDelete.citedIn.map((c, i) => (
                <li key={i}>
                  Block {c.blockIndex + 1}: “{c.excerpt}”
                </li>
              ))}
            </ul>
          </div>
          <div className="row">
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => remove(pendingDelete.ref, true)}
              autoFocus
            >
              Delete reference and its citations
            </button>
            <button type="button" className="secondary" onClick={() => setPendingDelete(null)}>
              Keep it
            </button>
          </div>
        </div>
      )}
      {sorted.length === 0 ? (
        <p className="empty">No references yet. Add the sources this article relies on.</p>
      ) : (
        <ol className="ref-list">
          {sorted.map((ref) => {
            const n = numbers.get(ref.key);
            return (
              <li key={ref.id} className="ref-item" data-testid="reference-item" data-ref-key={ref.key}>
                {editing === ref.id ? (
                  <ReferenceForm
                    articleId={articleId}
                    initial={ref}
                    onDone={(refs) => {
                      setEditing(null);
                      if (refs) props.onChange(refs);
                    }}
                  />
                ) : (
                  <>
                    <div className="ref-head">
                      <span className="ref-number" aria-label={n ? `Reference ${n}` : "Not cited yet"}>
                        {n ? `[${n}]` : "—"}
                      </span>
                      <span className="ref-title">{ref.title}</span>
                    </div>
                    <p className="ref-meta">
                      {[ref.authors, ref.containerTitle, ref.year].filter(Boolean).join(" · ")}
                      {ref.peerReviewed && <span className="badge ok">Peer-reviewed</span>}
                      {ref.needsDetails && (
                        <span className="badge warn" data-testid="needs-details">
                          Needs details
                        </span>
                      )}
                      {!ref.url && !ref.doi && !ref.pmid && <span className="badge warn">No link</span>}
                      {!n && <span className="badge">Not cited</span>}
                    </p>
                    {ref.needsDetails && ref.importedText && (
                      <p className="ref-imported field-hint">
                        Imported as “{ref.importedText}”
                        {ref.containerTitle && ref.importedText.startsWith(`${ref.containerTitle}${ref.title}`) && (
                          <>
                            {" "}
                            — read as publisher “{ref.containerTitle}” and title “{ref.title}”
                          </>
                        )}
                        . Edit it to check and complete the fields.
                      </p>
                    )}
                    {canEdit && (
                      <div className="row">
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() => props.onCite(ref.key)}
                          aria-label={`Cite “${ref.title}” at the cursor`}
                          data-cite-button
                        >
                          Cite
                        </button>
                        <button
                          type="button"
                          className="secondary small"
                          onClick={() => setEditing(ref.id)}
                          aria-label={`Edit “${ref.title}”`}
                        >
                          Edit
                        </button>
                        <ConfirmStep
                          trigger="Delete…"
                          tone="secondary"
                          label={`Delete “${ref.title}”`}
                          question="Delete this source from the article? If the text cites it, you are shown where first."
                        >
                          <button type="button" className="danger" disabled={busy} onClick={() => remove(ref, false)}>
                            Delete the source
                          </button>
                        </ConfirmStep>
                      </div>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {canEdit &&
        (editing === "new" || openHandoff ? (
          <ReferenceForm
            key={openHandoff?.nonce ?? "new"}
            articleId={articleId}
            handoff={openHandoff}
            onDone={(refs) => {
              setEditing(null);
              if (openHandoff) setHandoffDone(openHandoff.nonce);
              if (refs) {
                props.onChange(refs);
                setMessage({ kind: "ok", text: "Reference added. Use “Cite” to cite it at the cursor." });
              }
            }}
          />
        ) : (
          <button type="button" onClick={() => setEditing("new")}>
            Add reference
          </button>
        ))}
    </section>
  );
}

export type ReferenceHandoff = { identifier: string; reason: string; nonce: number };

function ReferenceForm({
  articleId,
  initial,
  handoff = null,
  onDone,
}: {
  articleId: string;
  initial?: EditorReference;
  handoff?: ReferenceHandoff | null;
  onDone: (refs: EditorReference[] | null) => void;
}) {
  const [values, setValues] = useState(() => ({
    ...EMPTY,
    ...(initial ?? {}),
    ...(handoff ? identifierFields(handoff.identifier) : {}),
  }));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState("");
  const [saving, setSaving] = useState(false);
  const [identifier, setIdentifier] = useState(handoff?.identifier ?? "");
  const [lookup, setLookup] = useState<{ busy: boolean; error: string; done: string }>({
    busy: false,
    error: handoff?.reason ?? "",
    done: "",
  });
  const idp = initial ? `ref-${initial.id}` : "ref-new";

  /** A look-up that found nothing says the next step and copies what was pasted into its field (DOI, PMID or
   *  URL) where that field is still empty, so the writer goes on by hand without typing it again. */
  function failed(cause: string) {
    const copied = Object.entries(identifierFields(identifier));
    setValues((v) => ({ ...v, ...Object.fromEntries(copied.filter(([name]) => !v[name as keyof typeof v])) }));
    setLookup({ busy: false, error: `${cause.replace(/\.?$/, ".")} ${lookupFailedNextStep(identifier)}`, done: "" });
  }

  /** Fills the fields from a DOI / PMID / address (the registry's answer; the writer can still edit). */
  async function fillFromIdentifier() {
    setLookup({ busy: true, error: "", done: "" });
    try {
      const r = await api<{ fields: Partial<typeof EMPTY> }>("/api/references/lookup", "POST", { identifier });
      if (!r.ok) {
        failed(errorText(r.body.error, ["identifier"], "The lookup failed."));
        return;
      }
      const found = Object.fromEntries(
        Object.entries(r.body.fields).filter(([, v]) => v !== null && v !== undefined && v !== ""),
      );
      setValues((v) => ({ ...v, ...found }));
      setLookup({ busy: false, error: "", done: "Fields filled in from the registry. Check them before saving." });
    } catch {
      setLookup({ busy: false, error: "The server could not be reached. Try again.", done: "" });
    }
  }

  const field = (
    name: keyof typeof EMPTY,
    label: string,
    opts: { type?: string; hint?: string; required?: boolean; autoFocus?: boolean } = {},
  ) => {
    const id = `${idp}-${name}`;
    const err = errors[name];
    return (
      <div className="ref-field">
        <label htmlFor={id}>
          {label}
          {opts.required && <span aria-hidden="true"> *</span>}
        </label>
        <input
          id={id}
          name={name}
          type={opts.type ?? "text"}
          required={opts.required}
          autoFocus={opts.autoFocus}
          value={values[name] === null || values[name] === undefined ? "" : String(values[name])}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
          aria-invalid={err ? true : undefined}
          aria-describedby={
            [err ? `${id}-error` : "", opts.hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined
          }
        />
        {opts.hint && (
          <p id={`${id}-hint`} className="field-hint">
            {opts.hint}
          </p>
        )}
        {err && (
          <p id={`${id}-error`} className="field-error">
            {err.join(" ")}
          </p>
        )}
      </div>
    );
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setFormError("");
    const payload = { ...values, year: values.year === null ? "" : String(values.year) };
    try {
      const r = initial
        ? await api<{ references: EditorReference[] }>(
            `/api/studio/articles/${articleId}/references/${initial.id}`,
            "PUT",
            payload,
          )
        : await api<{ references: EditorReference[] }>(`/api/studio/articles/${articleId}/references`, "POST", payload);
      if (!r.ok) {
        setErrors(r.body.error?.fieldErrors ?? {});
        setFormError(errorText(r.body.error, [], "The reference could not be saved."));
        return;
      }
      onDone(r.body.references);
    } catch {
      setFormError("The server could not be reached. Your entries are still here; try again.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="ref-form"
      onSubmit={submit}
      noValidate
      aria-label={initial ? `Edit reference “${initial.title}”` : "New reference"}
    >
      {formError && (
        <p className="notice error" role="alert">
          {formError}
        </p>
      )}
      {initial?.importedText && (
        <p className="field-hint ref-imported">
          <strong>As the imported page had it:</strong> “{initial.importedText}”
        </p>
      )}
      <div className="ref-field ref-lookup">
        <label htmlFor={`${idp}-identifier`}>Fill in from a DOI, PMID or PubMed/DOI address</label>
        <div className="row">
          <input
            id={`${idp}-identifier`}
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void fillFromIdentifier();
              }
            }}
            aria-invalid={lookup.error ? true : undefined}
            aria-describedby={lookup.error ? `${idp}-identifier-error` : undefined}
            placeholder="10.1016/… or 21288096"
          />
          <button
            type="button"
            className="secondary"
            onClick={fillFromIdentifier}
            disabled={lookup.busy || !identifier}
          >
            {lookup.busy ? "Looking up…" : "Fill in"}
          </button>
        </div>
        {lookup.error && (
          <p id={`${idp}-identifier-error`} className="field-error">
            {lookup.error}
          </p>
        )}
        <p role="status" className="field-hint">
          {lookup.done}
        </p>
      </div>
      {field("title", "Title", { required: true, autoFocus: !!handoff })}
      {field("authors", "Authors", { hint: "e.g. Smith J, Doe A" })}
      {field("containerTitle", "Journal or publisher")}
      {field("year", "Year", { type: "number" })}
      {field("url", "URL", { type: "url", hint: "http:// or https:// only" })}
      {field("doi", "DOI", { hint: "e.g. 10.3390/jcm10051012" })}
      {field("pmid", "PMID", { hint: "PubMed ID, digits only" })}
      {field("accessedAt", "Accessed on", { type: "date" })}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.peerReviewed}
          onChange={(e) => setValues((v) => ({ ...v, peerReviewed: e.target.checked }))}
        />
        Peer-reviewed source
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.needsDetails}
          onChange={(e) => setValues((v) => ({ ...v, needsDetails: e.target.checked }))}
          aria-describedby={`${idp}-needs-details-hint`}
        />
        Needs details
      </label>
      <p id={`${idp}-needs-details-hint`} className="field-hint">
        Untick when the fields match the source.
      </p>
      <div className="row">
        <button type="submit" disabled={saving}>
          {saving ? "Saving…" : initial ? "Save reference" : "Add reference"}
        </button>
        <button type="button" className="secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
