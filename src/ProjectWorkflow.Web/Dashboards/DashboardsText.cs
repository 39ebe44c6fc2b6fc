namespace ProjectWorkflow.Web.Dashboards;

/// <summary>
/// The words of the dashboards: <c>DashboardsText.resx</c> in Chinese, <c>DashboardsText.en.resx</c> in English, read
/// through <c>IStringLocalizer&lt;DashboardsText&gt;</c>.
/// </summary>
public sealed class DashboardsText;
