import type { App } from "../app.ts";

const INFO = {
  title: "Finplan API",
  version: "0.1.0",
  description:
    "Household planning for financial planners: retirement gap and Social Security, and the households a " +
    "caller may see. Log in with POST /api/auth/login, then send `Authorization: Bearer <token>`. Money is a " +
    'decimal string ("1234.56"), rates are decimals (0.06 for 6%). Errors are `{error, message, fields?}`.',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Schema = {
  type?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: unknown[];
};
type Operation = {
  summary?: string;
  description?: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

function fieldsTable(schema: Schema | undefined): string {
  if (!schema?.properties) return "";
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties).map(([name, field]) => {
    const type = field.enum
      ? field.enum.join(" | ")
      : Array.isArray(field.type)
        ? field.type.join(" | ")
        : String(field.type ?? "");
    return `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? " *" : ""}</td><td>${escapeHtml(type)}</td><td>${escapeHtml(field.description ?? "")}</td></tr>`;
  });
  return `<table><thead><tr><th>field</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/**
 * A self-contained reference page rendered from the OpenAPI document itself (no scripts, no assets
 * from elsewhere, so it works offline), with the raw document at /api/openapi.json.
 */
function docsPage(document: { paths?: Record<string, Record<string, Operation>> }): string {
  const sections = Object.entries(document.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const body = op.requestBody?.content?.["application/json"]?.schema;
      return `<section><h2><span class="m">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2>
<p><strong>${escapeHtml(op.summary ?? "")}</strong></p><p>${escapeHtml(op.description ?? "")}</p>${fieldsTable(body)}</section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${INFO.title}</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
h2{font-size:1.1rem;margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}.m{background:#0b4f8a;color:#fff;padding:.1rem .4rem;border-radius:3px}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
</style></head><body><h1>${INFO.title}</h1><p>${escapeHtml(INFO.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Fields marked * are required.</p>
${sections.join("\n")}</body></html>`;
}

export function registerDocs(app: App): void {
  app.doc31("/api/openapi.json", { openapi: "3.1.0", info: INFO });
  app.get("/api/health", (c) => c.json({ status: "ok" }));
  app.get("/docs", (c) =>
    c.html(docsPage(app.getOpenAPI31Document({ openapi: "3.1.0", info: INFO }) as never)),
  );
}
