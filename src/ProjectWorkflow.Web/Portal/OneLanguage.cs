using System.Globalization;
using System.Text.RegularExpressions;
using ProjectWorkflow.Application.Refusals;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Funding.Rules;

namespace ProjectWorkflow.Web.Portal;

/// <summary>
/// A refusal in the page's language only. A broken rule carries its two sentences apart; many older messages of the
/// API say both languages in one string ("Give the account number. 请填写银行账号。"): a page keeps the sentences
/// of its own language and drops the others (the whole text when nothing is left).
/// </summary>
public static partial class OneLanguage
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.Name == PortalSetup.English;

    /// <summary>
    /// What a page shows for a refusal: the rule's sentence, each field's message, or the use case's sentence, in the
    /// page's language — the Chinese the use case gave apart when there is one, else the sentences of the message's own.
    /// </summary>
    public static IReadOnlyList<string> Of(Exception refusal) => refusal switch
    {
        FundingRuleBrokenException broken => [IsEnglish ? broken.Rule.Message.English : broken.Rule.Message.Chinese],
        InvalidRequestException invalid => invalid.Errors.Select(e => !IsEnglish && e.MessageZh is { } zh ? zh : Of(e.Message)).Distinct().ToList(),
        _ when !IsEnglish && RefusalChinese.Of(refusal) is { } zh => [zh],
        _ => [Of(refusal.Message)],
    };

    public static string Of(string text)
    {
        var sentences = Sentence().Split(text.Trim()).Where(s => s.Length > 0).ToList();
        var kept = sentences.Where(s => IsChinese(s) != IsEnglish).ToList();
        if (kept.Count == 0) return text;
        return string.Join(IsEnglish ? " " : "", kept);
    }

    // A sentence is Chinese when it ends with a Chinese full stop (it may name a kind in Latin letters: "请上传：可行性研究报告
    // （feasibility-report）。"); without a stop, when it holds more Han characters than Latin letters (an English
    // sentence may name a Chinese enterprise).
    private static bool IsChinese(string sentence) =>
        sentence[^1] is '。' or '！' or '？'
        || (sentence[^1] is not ('.' or '!' or '?')
            && sentence.Count(c => c is >= '\u4e00' and <= '\u9fff') > sentence.Count(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'));

    [GeneratedRegex(@"(?<=[.!?。！？])\s*")]
    private static partial Regex Sentence();
}
