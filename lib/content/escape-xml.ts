// Escaping text for XML and for SVG/HTML attributes and text: the sitemap, the RSS feed and the feedback chart.
// Characters XML 1.0 forbids are dropped (one of them would make a whole feed unreadable); the apostrophe
// becomes &#39;, which XML and HTML both read.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeXml(value: string): string {
  return value.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
