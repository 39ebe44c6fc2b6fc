using System.Globalization;
using System.Text.RegularExpressions;
using ProjectWorkflow.Engine.Expressions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Definitions;

/// <summary>
/// Every expression is parsed at deploy, not at first use, so a typo is reported to the
/// modeller instead of stopping a running application halfway. The parsed forms are kept in
/// the model for the runtime.
/// </summary>
internal static partial class ExpressionRules
{
    /// <summary>True when the text holds a <c>${...}</c> (or <c>#{...}</c>) expression rather than plain text.</summary>
    public static bool IsExpression(string text) =>
        text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal);

    public static void CheckCondition(SequenceFlow flow, ValidationContext context)
    {
        // A condition in a foreign language is already refused as unsupported.
        if (flow.ConditionText is not { } text || context.IsUnsupported(flow.Id)) return;
        flow.Condition = ParseCondition(text, "condition", message => context.Add(flow, message));
    }

    public static void CheckUserTask(UserTask task, ValidationContext context)
    {
        void Report(string message) => context.Add(task, message);
        task.AssigneeExpression = ParseOptional(task.Assignee, "assignee", Report);
        task.CandidateUsersExpression = ParseOptional(task.CandidateUsers, "candidate users", Report);
        task.CandidateGroupsExpression = ParseOptional(task.CandidateGroups, "candidate groups", Report);
        task.DueDateExpression = ParseOptional(task.DueDate, "due date", Report);
        if (task.Name is { } name && IsExpression(name)) task.NameExpression = Parse(name, "task name", Report);
        if (task.DueDate is { } due && !IsExpression(due) && !IsDateOrDuration(due))
        {
            Report($"The due date '{due}' is neither an expression nor an ISO 8601 date (2026-06-30T17:00:00) or duration (P5D).");
        }
        if (task.MultiInstance is { } loop) CheckMultiInstance(loop, Report);
    }

    /// <summary>Parses text that must be an expression (conditions), reporting plain text as the mistake it is.</summary>
    public static ParsedExpression? ParseCondition(string text, string what, Action<string> report)
    {
        // The runtime accepts the text "true"/"false" as a condition; any other plain text is prose.
        if (IsBooleanText(text)) return Parse(text, what, report);
        var parsed = IsExpression(text) ? Parse(text, what, report) : null;
        if (parsed is { IsLiteral: true } || !IsExpression(text))
        {
            report($"The {what} '{text}' is plain text, not an expression, so it cannot be evaluated. Write it as an expression, e.g. ${{approved}} or ${{amount > 1000}}.");
            return null;
        }
        return parsed;
    }

    private static bool IsBooleanText(string text) =>
        text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);

    public static ParsedExpression? Parse(string text, string what, Action<string> report)
    {
        if (ExpressionParser.TryParse(text, out var parsed, out var error) && parsed is not null) return parsed;
        report($"The {what} '{text}' cannot be read: {(error ?? "it is not a valid expression").TrimEnd('.')}.");
        return null;
    }

    private static ParsedExpression? ParseOptional(string? text, string what, Action<string> report) =>
        text is null ? null : Parse(text, what, report);

    /// <summary>Multi-instance on a task other than a user task (service, script, send, receive, call activity...).</summary>
    public static void CheckLoop(FlowNode node, MultiInstance loop, ValidationContext context) =>
        CheckMultiInstance(loop, message => context.Add(node, message));

    private static void CheckMultiInstance(MultiInstance loop, Action<string> report)
    {
        if (loop.Collection is null && loop.LoopCardinality is null)
        {
            report("The multi-instance task says neither over which items nor how many times it runs. Set camunda:collection (with camunda:elementVariable), loopDataInputRef (with inputDataItem) or loopCardinality.");
        }

        if (loop.Collection is { } collection)
        {
            // camunda:collection may name a variable instead of writing an expression.
            if (IsExpression(collection)) loop.CollectionExpression = Parse(collection, "collection", report);
            else if (VariablePath().IsMatch(collection)) loop.CollectionExpression = Parse($"${{{collection}}}", "collection", report);
            else report($"The collection '{collection}' is neither a variable name nor an expression. Name the variable holding the items (e.g. experts) or write ${{...}}.");
        }

        if (loop.LoopCardinality is { } cardinality)
        {
            if (IsExpression(cardinality)) loop.CardinalityExpression = Parse(cardinality, "loop cardinality", report);
            else if (int.TryParse(cardinality, NumberStyles.None, CultureInfo.InvariantCulture, out _)) loop.CardinalityExpression = Parse(cardinality, "loop cardinality", report);
            else report($"The loop cardinality '{cardinality}' is neither a whole number nor an expression such as ${{reviewerCount}}.");
        }

        if (loop.CompletionCondition is { } completion)
        {
            loop.CompletionExpression = ParseCondition(completion, "completion condition", report);
        }

        if (loop.ElementVariable is { } element && !Identifier().IsMatch(element))
        {
            report($"The element variable '{element}' is not a valid variable name. Use letters, digits and underscores, starting with a letter.");
        }
    }

    private static bool IsDateOrDuration(string text) =>
        TimerSchedule.TryParse(TimerKind.Date, text, out _, out _) || TimerSchedule.TryParse(TimerKind.Duration, text, out _, out _);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex VariablePath();
}
