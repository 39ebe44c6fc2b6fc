namespace ProjectWorkflow.Web.PublicNotice;

/// <summary>The public notice page's words: <c>NoticeText.resx</c> (Chinese) and <c>NoticeText.en.resx</c>.</summary>
public sealed class NoticeText;
