using System.Text.Json.Nodes;
using ProjectWorkflow.Engine.Expressions;
using static ProjectWorkflow.Engine.Tests.Expressions.Variables;

namespace ProjectWorkflow.Engine.Tests.Expressions;

public class NavigationTests
{
    private static Variables Application() => new Variables().Set("application", JsonNode.Parse("""
        {
          "enterprise": { "uscc": "91310000MA1FL0000X", "district": "pudong", "sme": true },
          "investment": 12000000.50,
          "experts": [ { "name": "Li", "score": 82 }, { "name": "Wang", "score": 90 } ],
          "tags": [],
          "note": null,
          "empty": "reserved-word key"
        }
        """));

    [Fact]
    public void Json_objects_are_read_with_dots_and_brackets()
    {
        var variables = Application();

        Assert.Equal("pudong", Eval("${application.enterprise.district}", variables));
        Assert.Equal("pudong", Eval("${application['enterprise'][\"district\"]}", variables));
        Assert.Equal(true, Eval("${application.enterprise.sme}", variables));
        Assert.Equal(12000000.50m, Eval("${application.investment}", variables));
        Assert.Equal("reserved-word key", Eval("${application.empty}", variables));
    }

    [Fact]
    public void Json_arrays_are_read_by_position()
    {
        var variables = Application().Set("i", 1);

        Assert.Equal("Li", Eval("${application.experts[0].name}", variables));
        Assert.Equal(90m, Eval("${application.experts[i].score}", variables));
        Assert.Equal(90m, Eval("${application.experts['1'].score}", variables));
        Assert.Equal(172m, Eval("${application.experts[0].score + application.experts[1].score}", variables));
    }

    [Fact]
    public void Missing_keys_out_of_range_positions_and_null_steps_give_null()
    {
        var variables = Application();

        Assert.Null(Eval("${application.nothing}", variables));
        Assert.Null(Eval("${application.nothing.deeper.still}", variables));
        Assert.Null(Eval("${application.experts[5]}", variables));
        Assert.Null(Eval("${application.experts[-1]}", variables));
        Assert.Null(Eval("${application.note}", variables));
        Assert.Null(Eval("${application[null]}", variables));
    }

    [Fact]
    public void Json_values_are_unwrapped_to_plain_values()
    {
        var variables = Application();

        Assert.IsType<string>(Eval("${application.enterprise.uscc}", variables));
        Assert.IsType<decimal>(Eval("${application.experts[1].score}", variables));
        Assert.Equal(true, Eval("${application.experts[1].score >= 90 && application.enterprise.sme}", variables));
    }

    [Fact]
    public void Json_values_built_in_code_are_unwrapped_too()
    {
        var variables = new Variables()
            .Set("n", JsonValue.Create(42))
            .Set("s", JsonValue.Create("x"))
            .Set("b", JsonValue.Create(false))
            .Set("o", new JsonObject { ["rate"] = 0.1, ["cap"] = 100000000L });

        Assert.Equal(43m, Eval("${n + 1}", variables));
        Assert.Equal("x", Eval("${s}", variables));
        Assert.Equal(false, Eval("${b}", variables));
        Assert.Equal(10000000m, Eval("${o.rate * o.cap}", variables));
    }

    [Fact]
    public void Json_containers_come_back_as_they_are()
    {
        var variables = Application();

        var experts = Assert.IsType<JsonArray>(Eval("${application.experts}", variables));
        Assert.Equal(2, experts.Count);
        Assert.IsType<JsonObject>(Eval("${application.enterprise}", variables));
    }

    [Fact]
    public void Empty_works_on_json()
    {
        var variables = Application();

        Assert.Equal(true, Eval("${empty application.tags}", variables));
        Assert.Equal(false, Eval("${empty application.experts}", variables));
        Assert.Equal(true, Eval("${empty application.note}", variables));
        Assert.Equal(true, Eval("${empty application.missing}", variables));
    }

    [Fact]
    public void Json_containers_compare_by_content_and_write_as_json()
    {
        var variables = new Variables()
            .Set("a", JsonNode.Parse("""{"x":[1,2]}"""))
            .Set("b", JsonNode.Parse("""{ "x": [1, 2] }"""));

        Assert.Equal(true, Eval("${a == b}", variables));
        Assert.Equal("a={\"x\":[1,2]}", Eval("a=${a}", variables));
    }

    [Fact]
    public void Dictionaries_and_lists_are_navigated_like_json()
    {
        var variables = new Variables().Set("form", new Dictionary<string, object?>
        {
            ["amount"] = 250,
            ["reviewers"] = new List<object?> { "li", "wang" },
            ["scores"] = new[] { 80, 90 },
            ["counts"] = new Dictionary<string, int> { ["yes"] = 3 },
            ["nested"] = new Dictionary<string, object?> { ["deep"] = 0.5 },
        });

        Assert.Equal(250m, Eval("${form.amount}", variables));
        Assert.Equal("wang", Eval("${form.reviewers[1]}", variables));
        Assert.Equal(90m, Eval("${form.scores[1]}", variables));
        Assert.Equal(3m, Eval("${form.counts.yes}", variables));
        Assert.Equal(0.5m, Eval("${form['nested'].deep}", variables));
        Assert.Null(Eval("${form.missing}", variables));
        Assert.Null(Eval("${form.reviewers[2]}", variables));
    }

    [Fact]
    public void Lazy_sequences_are_indexed_by_walking_them()
    {
        var variables = new Variables().Set("items", Enumerable.Range(10, 3).Select(i => (object?)i));

        Assert.Equal(11m, Eval("${items[1]}", variables));
        Assert.Null(Eval("${items[3]}", variables));
        Assert.Equal(false, Eval("${empty items}", variables));
    }

    [Theory]
    [InlineData("${x.y}", 5, "cannot read 'y' of 5: only objects and lists have properties")]
    [InlineData("${x.length}", "abc", "cannot read 'length' of the text 'abc'")]
    [InlineData("${x.size}", null, null)]
    public void Properties_of_plain_values(string text, object? value, string? message)
    {
        var variables = new Variables().Set("x", value);

        if (message is null)
        {
            Assert.Null(Eval(text, variables));
        }
        else
        {
            Assert.Equal(message, EvalFails(text, variables).Message);
        }
    }

    [Theory]
    [InlineData("${list.size}", "a list is read by position, e.g. [0], not by the text 'size'")]
    [InlineData("${list[0.5]}", "a list position must be a whole number, not 0.5")]
    [InlineData("${list[true]}", "a list is read by position, e.g. [0], not by true")]
    public void Lists_are_read_by_whole_positions_only(string text, string message)
    {
        var variables = new Variables().Set("list", JsonNode.Parse("[1, 2]"));

        Assert.Equal(message, EvalFails(text, variables).Message);
    }

    [Fact]
    public void A_list_cannot_be_written_into_text_unless_it_is_json()
    {
        var variables = new Variables().Set("list", new List<object?> { 1 }).Set("json", JsonNode.Parse("[1]"));

        Assert.Equal("[1]!", Eval("${json}!", variables));
        Assert.Equal(
            "a list cannot be written into text; pick one of its values instead",
            EvalFails("${list}!", variables).Message);
    }
}
