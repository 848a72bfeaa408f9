/**
 * Content-Security-Policy for the sidebar, applied from script.
 *
 * HtmlService ignores <meta> tags written in the HTML file (only viewport-like tags added with
 * HtmlOutput.addMetaTag survive), so the policy is inserted at start-up instead: browsers
 * enforce a CSP <meta> added to <head> from then on. By that time our own inline script and
 * Google's google.script.run client have loaded, so the policy can forbid inline code: a
 * cell value that somehow became markup (`<img onerror=…>`) still could not run, load a
 * remote image, post a form or re-base links. Google's own origins stay allowed so
 * google.script.run keeps working.
 */

const GOOGLE = "https://*.googleusercontent.com https://*.google.com https://*.gstatic.com";

const SIDEBAR_CSP = [
  `default-src 'self' ${GOOGLE}`,
  `script-src 'self' ${GOOGLE}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export function applyContentSecurityPolicy(doc: Document): void {
  if (doc.querySelector("meta[http-equiv='Content-Security-Policy'][data-mip]")) return;
  const meta = doc.createElement("meta");
  meta.httpEquiv = "Content-Security-Policy";
  meta.content = SIDEBAR_CSP;
  meta.setAttribute("data-mip", "");
  doc.head.appendChild(meta);
}
