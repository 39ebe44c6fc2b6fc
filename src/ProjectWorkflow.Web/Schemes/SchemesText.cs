namespace ProjectWorkflow.Web.Schemes;

/// <summary>
/// The words of the schemes' pages (the rule-set diff: each rule's name, units, the sentence of a change):
/// <c>SchemesText.resx</c> in Chinese, <c>SchemesText.en.resx</c> in English, read through
/// <c>IStringLocalizer&lt;SchemesText&gt;</c>.
/// </summary>
public sealed class SchemesText;
