using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Reading;

namespace ProjectWorkflow.Engine.Tests.Reading;

/// <summary>Tools write the BPMN namespace under any prefix; the reader must not care which.</summary>
public class BpmnReaderPrefixTests
{
    [Theory]
    [InlineData("bpmn")]
    [InlineData("bpmn2")]
    [InlineData("semantic")]
    [InlineData("model")]
    [InlineData("")]
    public void Reads_the_same_process_whatever_the_namespace_prefix(string prefix)
    {
        var p = prefix.Length == 0 ? "" : prefix + ":";
        var declaration = prefix.Length == 0
            ? $"xmlns=\"{BpmnSamples.ModelNamespace}\""
            : $"xmlns:{prefix}=\"{BpmnSamples.ModelNamespace}\"";
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <{p}definitions {declaration} id="Defs">
              <{p}process id="Approval" isExecutable="true">
                <{p}startEvent id="Start" />
                <{p}sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
                <{p}userTask id="Review" />
                <{p}sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
                <{p}endEvent id="End" />
              </{p}process>
            </{p}definitions>
            """;

        var result = BpmnReader.Read(BpmnSamples.Utf8(xml));

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var process = Assert.Single(result.Document!.Processes);
        Assert.Equal(["Start", "Review", "End"], process.Nodes.Select(n => n.Id));
        Assert.IsType<UserTask>(process.Node("Review"));
        Assert.Equal(2, process.FlowsById.Count);
        Assert.Equal("Defs", result.Document.DefinitionsId);
    }

    [Fact]
    public void Elements_in_another_namespace_with_a_BPMN_name_are_not_taken_for_BPMN()
    {
        var xml = BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <vendor:userTask xmlns:vendor="http://example.com/vendor" id="NotBpmn" />
            """);

        var process = BpmnReader.Read(BpmnSamples.Utf8(xml)).Document!.Processes.Single();

        Assert.False(process.NodesById.ContainsKey("NotBpmn"));
    }

    [Fact]
    public void A_root_that_is_not_BPMN_definitions_is_unreadable_with_a_reason()
    {
        var result = BpmnReader.Read(BpmnSamples.Utf8("<definitions id=\"x\"><process id=\"p\" /></definitions>"));

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("not a BPMN 2.0 file", problem.Message);
        Assert.Contains(BpmnSamples.ModelNamespace, problem.Message);
    }
}
