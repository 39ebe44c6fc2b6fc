namespace ProjectWorkflow.Web.Workflows;

/// <summary>The deputies page's words: <c>DeputiesText.resx</c> (Chinese) and <c>DeputiesText.en.resx</c>.</summary>
public sealed class DeputiesText;
