using System.Text;
using ProjectWorkflow.Engine.Definitions;

namespace ProjectWorkflow.Engine.Tests.Forms;

/// <summary>
/// A form drawn with a process (the designer's form editor writes it as <c>pwf:form</c> into the process's
/// extensionElements) is read with the definition and checked as a shipped form file is; a broken one refuses the
/// deploy on the user task that names it, with its line.
/// </summary>
public class EmbeddedFormTests
{
    private static byte[] Process(string form) => Encoding.UTF8.GetBytes($$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:pwf="urn:projectworkflow:forms:1.0" id="d" targetNamespace="t">
          <process id="drawn" isExecutable="true">
            <extensionElements>
              <pwf:form>{{form}}</pwf:form>
            </extensionElements>
            <startEvent id="start" />
            <userTask id="checkFile" camunda:candidateGroups="admin" camunda:formRef="check-file" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="checkFile" />
            <sequenceFlow id="f2" sourceRef="checkFile" targetRef="end" />
          </process>
        </definitions>
        """);

    [Fact]
    public void AFormDrawnWithTheProcess_IsReadWithItsDefinition()
    {
        var result = DefinitionCompiler.Compile(Process("""
            { "id": "check-file", "type": "default", "schemaVersion": 16, "components": [
              { "key": "verdict", "label": "Verdict", "type": "textfield", "validate": { "required": true } } ] }
            """), new HashSet<string>());

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        var form = result.Definition!.Process.Forms["check-file"];
        Assert.Equal("verdict", Assert.Single(form.Fields).Key);
        Assert.Equal("verdict", Assert.Single(form.Check(new System.Text.Json.Nodes.JsonObject())).Field);
    }

    [Fact]
    public void ABrokenFormDrawnWithTheProcess_RefusesTheDeploy_OnTheTaskThatNamesIt()
    {
        var result = DefinitionCompiler.Compile(Process("""
            { "id": "check-file", "components": [ { "key": "verdict", "type": "hologram" } ] }
            """), new HashSet<string>());

        Assert.False(result.Succeeded);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("checkFile", problem.ElementId);
        Assert.Equal("form", problem.Kind);
        Assert.Equal(6, problem.Line);
        Assert.Contains("check-file", problem.Message);
    }

    [Fact]
    public void AFormThatIsNotJson_RefusesTheDeploy_OnTheProcess()
    {
        var result = DefinitionCompiler.Compile(Process("{ not json"), new HashSet<string>());

        var problem = Assert.Single(result.Problems);
        Assert.Equal("drawn", problem.ElementId);
        Assert.Equal("form", problem.Kind);
    }
}
