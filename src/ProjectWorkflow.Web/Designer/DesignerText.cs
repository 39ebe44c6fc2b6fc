namespace ProjectWorkflow.Web.Designer;

/// <summary>
/// The words of the process pages (the instance viewer, the designer, the version diff): <c>DesignerText.resx</c> in
/// Chinese, <c>DesignerText.en.resx</c> in English, read through <c>IStringLocalizer&lt;DesignerText&gt;</c>.
/// </summary>
public sealed class DesignerText;
