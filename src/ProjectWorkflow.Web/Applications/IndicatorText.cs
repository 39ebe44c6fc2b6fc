namespace ProjectWorkflow.Web.Applications;

/// <summary>
/// The words of the plan's indicator fields (R&amp;D, patents, water, CO₂, solid waste, land) on the application form,
/// the staff's view of a file and the evaluation: <c>IndicatorText.resx</c> in Chinese, <c>IndicatorText.en.resx</c>
/// in English, read through <c>IStringLocalizer&lt;IndicatorText&gt;</c>.
/// </summary>
public sealed class IndicatorText;
