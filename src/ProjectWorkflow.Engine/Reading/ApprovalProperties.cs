using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Model;

namespace ProjectWorkflow.Engine.Reading;

/// <summary>
/// Reads a user task's approval settings from Camunda's own extension properties, so Camunda Modeler's
/// "Extension properties" panel writes them and other engines keep them as harmless metadata:
/// <code>
/// &lt;bpmn:extensionElements&gt;&lt;camunda:properties&gt;
///   &lt;camunda:property name="vote.passRatio" value="2/3" /&gt;          票签 (multi-instance tasks only)
///   &lt;camunda:property name="vote.weights" value="${weights}" /&gt;     or "alice=2, bob=1"; others weigh 1
///   &lt;camunda:property name="vote.outcomeVariable" value="voteOutcome" /&gt;
///   &lt;camunda:property name="timeout.after" value="P3D" /&gt;             超时自动审批: duration, date or ${…}
///   &lt;camunda:property name="timeout.outcome" value="approve" /&gt;
///   &lt;camunda:property name="timeout.outcomeVariable" value="outcome" /&gt;
///   &lt;camunda:property name="timeout.reason" value="…" /&gt;
/// &lt;/camunda:properties&gt;&lt;/bpmn:extensionElements&gt;
/// </code>
/// Other property names are the modeller's own metadata and are kept unread; a misspelt <c>vote.</c> or
/// <c>timeout.</c> name is refused, never ignored.
/// </summary>
internal static class ApprovalProperties
{
    private static readonly HashSet<string> Known =
        ["vote.passRatio", "vote.weights", "vote.outcomeVariable", "timeout.after", "timeout.outcome", "timeout.outcomeVariable", "timeout.reason"];

    public static TaskApproval? Read(XElement element, string id, MultiInstance? loop, ProcessModel process, ReadContext context)
    {
        var properties = element.Element(BpmnNamespaces.Model + "extensionElements")?
            .Elements(BpmnNamespaces.Camunda + "properties").Elements(BpmnNamespaces.Camunda + "property")
            .Select(p => (Name: p.Attr("name") ?? "", Value: p.Attr("value") ?? p.Value.Trim(), Line: p.Line()))
            .Where(p => p.Name.StartsWith("vote.", StringComparison.Ordinal) || p.Name.StartsWith("timeout.", StringComparison.Ordinal))
            .ToList() ?? [];
        if (properties.Count == 0) return null;

        void Problem(int line, string message) => context.Problem(process, id, "userTask (camunda:property)", line, message);
        var values = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        foreach (var (name, value, line) in properties)
        {
            if (!Known.Contains(name)) Problem(line, $"'{name}' is not an approval property; known are {string.Join(", ", Known)}.");
            else if (!values.TryAdd(name, (value, line))) Problem(line, $"The property '{name}' is given twice.");
        }

        VoteRule? vote = null;
        if (values.Keys.Any(k => k.StartsWith("vote.", StringComparison.Ordinal)))
        {
            var at = values.First(v => v.Key.StartsWith("vote.", StringComparison.Ordinal)).Value.Line;
            if (loop is null) Problem(at, "A vote (vote.*) runs on a multi-instance user task: add multiInstanceLoopCharacteristics, one instance per signer.");
            if (!values.TryGetValue("vote.passRatio", out var ratioText))
                Problem(at, "A vote needs vote.passRatio: the share of the signers' weight that must approve (0.5, 60%, 2/3).");
            var ratio = 0m;
            if (ratioText.Value is { } text && !TryRatio(text, out ratio))
                Problem(ratioText.Line, $"vote.passRatio '{text}' is not a share above 0 and at most 1: write 0.5, 60% or 2/3.");
            IReadOnlyDictionary<string, decimal>? fixedWeights = null;
            ParsedExpression? weightsExpression = null;
            if (values.TryGetValue("vote.weights", out var weights))
            {
                if (weights.Value.Contains("${", StringComparison.Ordinal) || weights.Value.Contains("#{", StringComparison.Ordinal))
                {
                    if (!ExpressionParser.TryParse(weights.Value, out weightsExpression, out var error))
                        Problem(weights.Line, $"vote.weights '{weights.Value}' is not a valid expression: {error}.");
                }
                else if (!TryWeights(weights.Value, out var parsed))
                    Problem(weights.Line, $"vote.weights '{weights.Value}' is neither an expression nor a list such as 'alice=2, bob=1' with positive weights.");
                else fixedWeights = parsed;
            }
            vote = new VoteRule
            {
                PassRatio = ratio,
                Weights = values.TryGetValue("vote.weights", out var w) ? w.Value : null,
                FixedWeights = fixedWeights,
                WeightsExpression = weightsExpression,
                OutcomeVariable = Name(values, "vote.outcomeVariable", "voteOutcome", Problem),
            };
        }

        TaskTimeout? timeout = null;
        if (values.Keys.Any(k => k.StartsWith("timeout.", StringComparison.Ordinal)))
        {
            var at = values.First(v => v.Key.StartsWith("timeout.", StringComparison.Ordinal)).Value.Line;
            ParsedExpression? after = null;
            if (!values.TryGetValue("timeout.after", out var afterText) || afterText.Value.Length == 0)
                Problem(at, "A timeout needs timeout.after: a duration (P3D), a date, or an expression giving one.");
            else if (!ExpressionParser.TryParse(afterText.Value, out after, out var error))
                Problem(afterText.Line, $"timeout.after '{afterText.Value}' is not a valid expression: {error}.");
            else if (after!.IsLiteral && !Timers.IsoDuration.TryParse(afterText.Value, out _) && !DateTimeOffset.TryParse(afterText.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                Problem(afterText.Line, $"timeout.after '{afterText.Value}' is neither an ISO 8601 duration (P3D, PT4H) nor a date.");
            if (!values.TryGetValue("timeout.outcome", out var outcome))
                Problem(at, "A timeout needs timeout.outcome: the decision the task is completed with (approve, reject, true, …).");
            else if (vote is not null && outcome.Value is not ("approve" or "reject"))
                Problem(outcome.Line, "On a vote task the timeout casts the silent signer's vote: timeout.outcome is 'approve' or 'reject'.");
            timeout = new TaskTimeout
            {
                After = afterText.Value ?? "",
                AfterExpression = after ?? ExpressionParser.Parse("P1D"),
                OutcomeVariable = Name(values, "timeout.outcomeVariable", "outcome", Problem),
                Outcome = Value(outcome.Value),
                Reason = values.TryGetValue("timeout.reason", out var reason) && reason.Value.Length > 0
                    ? reason.Value
                    : $"Nobody completed the task within {afterText.Value}; it was completed automatically.",
            };
        }
        return new TaskApproval { Vote = vote, Timeout = timeout };
    }

    private static string Name(Dictionary<string, (string Value, int Line)> values, string key, string fallback, Action<int, string> problem)
    {
        if (!values.TryGetValue(key, out var name)) return fallback;
        if (name.Value.Length == 0 || !name.Value.All(c => char.IsLetterOrDigit(c) || c == '_') || char.IsDigit(name.Value[0]))
            problem(name.Line, $"{key} '{name.Value}' is not a variable name (letters, digits and _).");
        return name.Value;
    }

    /// <summary>0.5, 60%, 2/3: a share above 0 and at most 1.</summary>
    internal static bool TryRatio(string text, out decimal ratio)
    {
        ratio = 0;
        var t = text.Trim();
        static bool Number(string s, out decimal value) => decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
        if (t.EndsWith('%'))
        {
            if (!Number(t[..^1], out var percent)) return false;
            ratio = percent / 100m;
        }
        else if (t.Split('/') is [var a, var b])
        {
            if (!Number(a, out var n) || !Number(b, out var d) || d <= 0) return false;
            ratio = n / d;
        }
        else if (!Number(t, out ratio)) return false;
        return ratio > 0 && ratio <= 1;
    }

    private static bool TryWeights(string text, out IReadOnlyDictionary<string, decimal> weights)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        weights = result;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part.Split('=', StringSplitOptions.TrimEntries) is not [{ Length: > 0 } who, var weight]
                || !decimal.TryParse(weight, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value <= 0
                || !result.TryAdd(who, value)) return false;
        }
        return result.Count > 0;
    }

    /// <summary>The outcome as the variable it sets: true/false and numbers keep their type, anything else is text.</summary>
    private static JsonNode? Value(string? text) => text switch
    {
        null => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ => JsonValue.Create(text),
    };
}
