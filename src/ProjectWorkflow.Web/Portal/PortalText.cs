namespace ProjectWorkflow.Web.Portal;

/// <summary>
/// The portal's words: <c>PortalText.resx</c> in Chinese (the default), <c>PortalText.en.resx</c> in English.
/// Pages take them through <c>IStringLocalizer&lt;PortalText&gt;</c>; one key, one language per file.
/// </summary>
public sealed class PortalText;
