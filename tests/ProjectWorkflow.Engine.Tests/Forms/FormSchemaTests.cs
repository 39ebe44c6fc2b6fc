using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Forms;

namespace ProjectWorkflow.Engine.Tests.Forms;

/// <summary>A form-js schema checks what a completion sends: required, types, allowed values, ranges, lengths, patterns.</summary>
public class FormSchemaTests
{
    private const string Review = """
        { "id": "review", "type": "default", "schemaVersion": 16, "components": [
          { "type": "text", "text": "# District review" },
          { "key": "outcome", "label": "Outcome", "type": "radio", "validate": { "required": true },
            "values": [ { "label": "Recommend", "value": "recommend" }, { "label": "Return", "value": "return" } ] },
          { "key": "days", "type": "number", "validate": { "min": 1, "max": 30 } },
          { "key": "code", "type": "textfield", "validate": { "pattern": "[A-Z]{3}-[0-9]{4}", "maxLength": 8 } },
          { "key": "upheld", "type": "checkbox", "defaultValue": false },
          { "type": "group", "components": [ { "key": "tags", "type": "checklist", "values": [ { "label": "A", "value": "a" } ] } ] },
          { "key": "on", "type": "datetime" }
        ] }
        """;

    private static FormSchema Form()
    {
        var form = FormSchema.Read(Review, out var problems);
        Assert.Empty(problems);
        return form!;
    }

    [Fact]
    public void AnEmptyCompletion_MissesTheRequiredField_AndGetsTheDefaults()
    {
        var variables = new JsonObject();
        var errors = Form().Check(variables);
        Assert.Equal("outcome", Assert.Single(errors).Field);
        Assert.False(variables["upheld"]!.GetValue<bool>());
    }

    [Fact]
    public void EveryWrongField_IsNamedAtOnce()
    {
        var variables = JsonNode.Parse("""{ "outcome": "maybe", "days": 31, "code": "abc-1234", "upheld": "yes", "tags": ["b"], "on": "soon" }""")!.AsObject();
        var fields = Form().Check(variables).Select(e => e.Field).ToArray();
        Assert.Equal(["outcome", "days", "code", "upheld", "tags", "on"], fields);
    }

    [Fact]
    public void ARightCompletion_Passes()
    {
        var variables = JsonNode.Parse("""{ "outcome": "return", "days": 5, "code": "ABC-1234", "upheld": true, "tags": ["a"], "on": "2026-12-01", "extra": 1 }""")!.AsObject();
        Assert.Empty(Form().Check(variables));
    }

    [Fact]
    public void NumbersBuiltInCode_AreCheckedAsNumbers_LikeThoseParsedFromJson()
    {
        // A use case (or the demo seeding) completes with values it builds itself: an int is a number too.
        Assert.Empty(Form().Check(new JsonObject { ["outcome"] = "return", ["days"] = 10 }));
        Assert.Equal("days", Assert.Single(Form().Check(new JsonObject { ["outcome"] = "return", ["days"] = 31L })).Field);
    }

    [Fact]
    public void ASignature_IsCheckedForWhatItSends_NotForWhatIsRequired()
    {
        Assert.Empty(Form().Check(new JsonObject(), requireFields: false));
        Assert.Equal("days", Assert.Single(Form().Check(new JsonObject { ["days"] = 0 }, requireFields: false)).Field);
    }

    [Fact]
    public void ABrokenSchema_SaysEverythingWrong()
    {
        var form = FormSchema.Read("""{ "components": [ { "type": "textfield" }, { "key": "x", "type": "select" }, { "key": "y", "type": "slider" } ] }""", out var problems);
        Assert.Null(form);
        Assert.Equal(4, problems.Count);   // no id, a field without a key, a select without values, a type the server cannot check
    }

    private const string Decision = """
        { "id": "decision", "type": "default", "schemaVersion": 16, "components": [
          { "key": "outcome", "type": "radio", "validate": { "required": true },
            "values": [ { "label": "Pass", "value": "pass" }, { "label": "Return", "value": "return" }, { "label": "Reject", "value": "reject" } ] },
          { "key": "score", "type": "number" },
          { "key": "reason", "type": "textarea", "validate": { "required": true, "maxLength": 10 },
            "conditional": { "hide": "=outcome != \"return\" and outcome != \"reject\"" } },
          { "type": "group", "conditional": { "hide": "=not(score < 50 or (outcome = \"reject\"))" }, "components": [
            { "key": "appeal", "type": "textfield", "validate": { "required": true } } ] }
        ] }
        """;

    [Theory]
    [InlineData("""{ "outcome": "pass", "score": 80 }""", "")]
    [InlineData("""{ "outcome": "return", "score": 80 }""", "reason")]
    [InlineData("""{ "outcome": "return", "score": 80, "reason": "why" }""", "")]
    [InlineData("""{ "outcome": "reject", "score": 80, "reason": "why" }""", "appeal")]
    [InlineData("""{ "outcome": "pass", "score": 40 }""", "appeal")]
    // No score: "score < 50" is null in FEEL, so the group's condition is not true and the field stays shown.
    [InlineData("""{ "outcome": "pass" }""", "appeal")]
    [InlineData("""{ "outcome": "pass", "score": 80, "reason": "far too long a reason" }""", "reason")]
    public void AHiddenField_IsNotRequired_AndAShownOneIs(string sent, string missing)
    {
        var form = FormSchema.Read(Decision, out var problems);
        Assert.Empty(problems);
        var errors = form!.Check((JsonObject)JsonNode.Parse(sent)!);
        Assert.Equal(missing, string.Join(",", errors.Select(e => e.Field)));
    }

    [Theory]
    [InlineData("outcome != \"return\"")]
    [InlineData("=outcome !! \"return\"")]
    [InlineData("=outcome = ")]
    [InlineData("=(outcome = \"a\"")]
    [InlineData("=outcome = \"a")]
    public void AHideExpressionThatCannotBeRead_IsRefusedWithTheSchema(string hide)
    {
        var schema = $$"""{ "id": "f", "components": [ { "key": "x", "type": "textfield", "conditional": { "hide": {{System.Text.Json.JsonSerializer.Serialize(hide)}} } } ] }""";
        Assert.Null(FormSchema.Read(schema, out var problems));
        Assert.Contains("conditional.hide", Assert.Single(problems));
    }
}
