using System.Net;

namespace ProjectWorkflow.Web.Account;

/// <summary>The shared frame of the few server-rendered portal pages; every value is HTML-encoded by the caller.</summary>
internal static class PortalPage
{
    /// <summary>A page; <paramref name="wide"/> for pages of tables (the finance desk) rather than a small form.</summary>
    public static IResult Render(string title, string body, int status = StatusCodes.Status200OK, bool wide = false) =>
        Results.Content($$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{Encode(title)}} · ProjectWorkflow</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: {{(wide ? "72rem" : "28rem")}}; margin: {{(wide ? "2rem" : "4rem")}} auto; padding: 0 1rem; color: #222; }
                table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
                th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
                td.money { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
                td form button { margin: 0; padding: .25rem .75rem; }
                .notice { color: #064; }
                label { display: block; margin-top: 1rem; }
                input { width: 100%; padding: .5rem; box-sizing: border-box; }
                button { margin-top: 1.5rem; padding: .5rem 1.5rem; }
                .error { color: #a00; }
              </style>
            </head>
            <body>
            <h1>{{Encode(title)}}</h1>
            {{body}}
            </body>
            </html>
            """, "text/html; charset=utf-8", statusCode: status);

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");
}
