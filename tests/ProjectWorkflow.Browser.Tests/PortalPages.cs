using System.Text.Json;
using Microsoft.Playwright;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>What the portal tests do to a page beyond clicking: screenshots under <c>artifacts/</c>, axe-core's verdict.</summary>
internal static class PortalPages
{
    /// <summary>The repository's <c>artifacts/portal</c> folder (git-ignored), where the main pages' screenshots go.</summary>
    public static string ArtifactsFolder
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ProjectWorkflow.sln"))) folder = folder.Parent;
            var path = Path.Combine(folder?.FullName ?? AppContext.BaseDirectory, "artifacts", "portal");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, name + ".png"), FullPage = true });

    /// <summary>axe-core's serious and critical violations on the page as it stands (the script is the portal's own npm copy).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/lib/axe-core/axe.min.js" });
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await window.axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '));
            }
            """);
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
