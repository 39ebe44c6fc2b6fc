using System.Net;

namespace ProjectWorkflow.Web.Account;

/// <summary>The shared frame of the few server-rendered portal pages; every value is HTML-encoded by the caller.</summary>
internal static class PortalPage
{
    public static IResult Render(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content($$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{{Encode(title)}} · ProjectWorkflow</title>
              <style>
                body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 4rem auto; padding: 0 1rem; color: #222; }
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
