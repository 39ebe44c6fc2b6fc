namespace ProjectWorkflow.Web.Projects;

/// <summary>The words of the project's page (the steps after submission): <c>ProjectText.resx</c> (Chinese, the default) and <c>ProjectText.en.resx</c>.</summary>
public sealed class ProjectText;
