namespace ProjectWorkflow.Web.Enterprises;

/// <summary>The words of the enterprise's pages: <c>EnterpriseText.resx</c> (Chinese, the default) and <c>EnterpriseText.en.resx</c>.</summary>
public sealed class EnterpriseText;
