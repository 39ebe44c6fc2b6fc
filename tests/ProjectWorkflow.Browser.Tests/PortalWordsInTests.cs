using System.Globalization;
using System.Resources;

namespace ProjectWorkflow.Browser.Tests;

/// <summary>
/// The words a page shows, read from the portal's own resource files in the language a test runs in, so one journey
/// reads in Chinese and in English with the same clicks.
/// </summary>
internal sealed class Words(string culture)
{
    private static readonly ResourceManager Portal = Of(typeof(ProjectWorkflow.Web.Portal.PortalText));
    private static readonly ResourceManager Project = Of(typeof(ProjectWorkflow.Web.Projects.ProjectText));
    private static readonly ResourceManager Enterprise = Of(typeof(ProjectWorkflow.Web.Enterprises.EnterpriseText));
    private static readonly ResourceManager Review = Of(typeof(ProjectWorkflow.Web.Reviews.ReviewText));

    private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(culture);

    public bool English => _culture.Name == "en";

    public string this[string key, params object[] args] => Format(Portal, key, args);

    public string OfProject(string key, params object[] args) => Format(Project, key, args);

    public string OfEnterprise(string key, params object[] args) => Format(Enterprise, key, args);

    public string OfReview(string key, params object[] args) => Format(Review, key, args);

    private string Format(ResourceManager words, string key, object[] args)
    {
        var text = words.GetString(key, _culture) ?? throw new KeyNotFoundException($"No word '{key}' in {_culture.Name}.");
        return args.Length == 0 ? text : string.Format(_culture, text, args);
    }

    private static ResourceManager Of(Type marker) => new(marker.FullName!, marker.Assembly);
}
