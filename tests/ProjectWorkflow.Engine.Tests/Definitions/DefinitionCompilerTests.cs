using System.Security.Cryptography;
using System.Text;
using ProjectWorkflow.Engine.Definitions;
using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Tests.Definitions;

/// <summary>Compiling a file gives a runnable definition, or every reason it cannot run.</summary>
public class DefinitionCompilerTests
{
    private static CompileResult Compile(string xml, string? processId = null) =>
        DefinitionCompiler.Compile(BpmnSamples.Utf8(xml), BpmnSamples.Topics, processId);

    private static ProcessDefinition CompileOk(string xml)
    {
        var result = Compile(xml);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        return result.Definition!;
    }

    private static IReadOnlyList<DefinitionProblem> CompileFails(string xml, string? processId = null)
    {
        var result = Compile(xml, processId);
        Assert.False(result.Succeeded);
        Assert.Null(result.Definition);
        Assert.NotEmpty(result.Problems);
        return result.Problems;
    }

    [Fact]
    public void Compiles_every_supported_element_into_a_definition()
    {
        var bytes = BpmnSamples.Utf8(BpmnSamples.FullApproval);

        var result = DefinitionCompiler.Compile(bytes, BpmnSamples.Topics);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        var definition = result.Definition!;
        Assert.Equal("TechUpgrade", definition.Key);
        Assert.Equal("Tech upgrade", definition.Name);
        Assert.Equal(BpmnSamples.FullApproval, definition.Xml);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), definition.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", definition.ContentHash);
    }

    [Fact]
    public void Equal_bytes_give_equal_hashes_and_any_change_a_new_one()
    {
        var first = CompileOk(BpmnSamples.SimpleProcess());
        var again = CompileOk(BpmnSamples.SimpleProcess());
        var changed = CompileOk(BpmnSamples.SimpleProcess().Replace("name=\"Review\"", "name=\"Check\""));

        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.NotEqual(first.ContentHash, changed.ContentHash);
    }

    [Fact]
    public void Keeps_the_text_as_the_file_declared_it()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = BpmnSamples.SimpleProcess().Replace("encoding=\"UTF-8\"", "encoding=\"GB2312\"").Replace("name=\"Review\"", "name=\"初审\"");

        var result = DefinitionCompiler.Compile(Encoding.GetEncoding("GB2312").GetBytes(xml), BpmnSamples.Topics);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(xml, result.Definition!.Xml);
        Assert.Equal("初审", result.Definition.Process.Node("Review").Name);
    }

    [Fact]
    public void Stores_parsed_expressions_and_timer_schedules_in_the_model()
    {
        var process = CompileOk(BpmnSamples.FullApproval).Process;

        Assert.NotNull(process.FlowsById["F_ok"].Condition);
        Assert.Null(process.FlowsById["F_reject"].Condition);
        var review = (UserTask)process.Node("Review");
        Assert.NotNull(review.AssigneeExpression);
        Assert.NotNull(review.CandidateUsersExpression);
        Assert.NotNull(review.CandidateGroupsExpression);
        Assert.NotNull(review.DueDateExpression);
        var reminder = (BoundaryEvent)process.Node("ReviewReminder");
        Assert.NotNull(reminder.Timer!.Schedule);
        Assert.Null(reminder.Timer.Expression);
        var loop = ((UserTask)process.Node("Experts")).MultiInstance!;
        Assert.NotNull(loop.CollectionExpression);
        Assert.NotNull(loop.CompletionExpression);
        Assert.Null(loop.CardinalityExpression);
    }

    [Fact]
    public void A_collection_given_as_a_plain_name_is_read_as_that_variable()
    {
        var process = CompileOk(BpmnSamples.FullApproval).Process;

        var collection = ((UserTask)process.Node("Experts")).MultiInstance!.CollectionExpression!;

        Assert.False(collection.IsLiteral);
        Assert.Contains("experts", collection.VariableNames);
    }

    [Fact]
    public void A_timer_written_as_an_expression_is_parsed_and_scheduled_later()
    {
        var process = CompileOk(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
              <bpmn:intermediateCatchEvent id="Wait">
                <bpmn:timerEventDefinition><bpmn:timeDuration>${noticePeriod}</bpmn:timeDuration></bpmn:timerEventDefinition>
              </bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" />
              <bpmn:endEvent id="End" />
            """)).Process;

        var timer = ((IntermediateCatchEvent)process.Node("Wait")).Timer!;
        Assert.Equal(TimerKind.Duration, timer.Kind);
        Assert.Null(timer.Schedule);
        Assert.NotNull(timer.Expression);
    }

    [Fact]
    public void Timer_start_events_may_start_a_process_beside_its_none_start()
    {
        CompileOk(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:startEvent id="Yearly">
                <bpmn:timerEventDefinition><bpmn:timeDate>2026-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
              </bpmn:startEvent>
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Join" />
              <bpmn:sequenceFlow id="F2" sourceRef="Yearly" targetRef="Join" />
              <bpmn:exclusiveGateway id="Join" />
              <bpmn:sequenceFlow id="F3" sourceRef="Join" targetRef="Fork" />
              <bpmn:parallelGateway id="Fork" />
              <bpmn:sequenceFlow id="F4" sourceRef="Fork" targetRef="A" />
              <bpmn:sequenceFlow id="F5" sourceRef="Fork" targetRef="B" />
              <bpmn:userTask id="A" />
              <bpmn:userTask id="B" />
              <bpmn:sequenceFlow id="F6" sourceRef="A" targetRef="Merge" />
              <bpmn:sequenceFlow id="F7" sourceRef="B" targetRef="Merge" />
              <bpmn:parallelGateway id="Merge" />
              <bpmn:sequenceFlow id="F8" sourceRef="Merge" targetRef="Pick" />
              <bpmn:inclusiveGateway id="Pick" default="F10" />
              <bpmn:sequenceFlow id="F9" sourceRef="Pick" targetRef="End"><bpmn:conditionExpression>${x gt 1}</bpmn:conditionExpression></bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="F10" sourceRef="Pick" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));
    }

    [Fact]
    public void Reports_all_problems_at_once_with_ids_kinds_and_lines()
    {
        var xml = BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Check" />
              <bpmn:businessRuleTask id="Check" />
              <bpmn:sequenceFlow id="F2" sourceRef="Check" targetRef="Calc" />
              <bpmn:serviceTask id="Calc" camunda:type="external" camunda:topic="budget.reserve" />
              <bpmn:sequenceFlow id="F3" sourceRef="Calc" targetRef="Decide" />
              <bpmn:exclusiveGateway id="Decide" />
              <bpmn:sequenceFlow id="Yes" sourceRef="Decide" targetRef="End">
                <bpmn:conditionExpression>${amount &gt;}</bpmn:conditionExpression>
              </bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="No" sourceRef="Decide" targetRef="End" />
              <bpmn:sequenceFlow id="Lost" sourceRef="Decide" targetRef="Nowhere" />
              <bpmn:userTask id="Orphan" />
              <bpmn:endEvent id="End" />
            """);

        var problems = CompileFails(xml);

        void Has(string id, string kind, string marker, string text) =>
            Assert.Contains(problems, p => p.ElementId == id && p.Kind == kind && p.Line == BpmnSamples.LineOf(xml, marker) && p.Message.Contains(text, StringComparison.Ordinal));
        Has("Check", "businessRuleTask", "id=\"Check\"", "DMN");
        Has("Calc", "serviceTask", "id=\"Calc\"", "The service task topic 'budget.reserve' has no handler registered; registered topics: notice.publish, subsidy.calculate");
        Has("Yes", "sequenceFlow", "id=\"Yes\"", "cannot be read");
        Has("Lost", "sequenceFlow", "id=\"Lost\"", "targetRef 'Nowhere' is not an element of this process");
        Has("Orphan", "userTask", "id=\"Orphan\"", "can never be reached");
        Assert.Equal(5, problems.Count); // an unconditioned flow and a node without way out are not problems (Camunda runs them)
        Assert.All(problems, p => Assert.EndsWith(".", p.Message));
    }

    [Fact]
    public void Problems_print_as_kind_id_line_and_message()
    {
        var xml = BpmnSamples.Process("<bpmn:startEvent id=\"Start\" /><bpmn:businessRuleTask id=\"Sign\" />");

        var problem = Assert.Single(CompileFails(xml), p => p.ElementId == "Sign");

        Assert.StartsWith($"businessRuleTask 'Sign' (line {BpmnSamples.LineOf(xml, "Sign")}): Business rule (DMN) tasks are not supported", problem.ToString());
    }

    [Fact]
    public void Unsupported_elements_are_named_once_without_a_cascade_of_follow_up_problems()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Send" />
              <bpmn:businessRuleTask id="Send" />
              <bpmn:boundaryEvent id="Oops" attachedToRef="Send"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:sequenceFlow id="F2" sourceRef="Oops" targetRef="End" />
              <bpmn:sequenceFlow id="F3" sourceRef="Send" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        var problem = Assert.Single(problems);
        Assert.Equal(("Send", "businessRuleTask"), (problem.ElementId, problem.Kind));
    }

    [Fact]
    public void A_file_without_an_executable_process_is_refused_and_its_content_still_checked()
    {
        var problems = CompileFails(BpmnSamples.Definitions("""
              <bpmn:process id="Drawing" isExecutable="false">
                <bpmn:startEvent id="Start" />
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Work" />
                <bpmn:businessRuleTask id="Work" />
              </bpmn:process>
            """));

        Assert.Contains(problems, p => p.ElementId == "Drawing" && p.Kind == "process" && p.Message.Contains("no executable process"));
        Assert.Contains(problems, p => p.ElementId == "Work" && p.Kind == "businessRuleTask");
    }

    [Fact]
    public void A_file_without_any_process_is_refused()
    {
        var problem = Assert.Single(CompileFails(BpmnSamples.Definitions("<bpmn:message id=\"M\" name=\"m\" />")));

        Assert.Contains("holds no process", problem.Message);
    }

    [Fact]
    public void A_process_without_a_start_event_is_refused()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:userTask id="Review" />
              <bpmn:sequenceFlow id="F1" sourceRef="Review" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Approval" && p.Kind == "process" && p.Message.Contains("no start event"));
    }

    [Fact]
    public void A_process_with_two_none_start_events_is_refused()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="A" />
              <bpmn:startEvent id="B" />
              <bpmn:sequenceFlow id="F1" sourceRef="A" targetRef="End" />
              <bpmn:sequenceFlow id="F2" sourceRef="B" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.Kind == "process" && p.Message.Contains("2 none start events (A, B)"));
    }

    [Fact]
    public void Message_start_events_compile_and_are_found_by_their_message_name()
    {
        var definition = CompileOk(BpmnSamples.Process("""
              <bpmn:startEvent id="OnLetter"><bpmn:messageEventDefinition messageRef="Letter" /></bpmn:startEvent>
              <bpmn:sequenceFlow id="F1" sourceRef="OnLetter" targetRef="End" />
              <bpmn:endEvent id="End" />
            """).Replace("</bpmn:definitions>", "<bpmn:message id=\"Letter\" name=\"letter\" /></bpmn:definitions>"));

        Assert.Equal("OnLetter", definition.MessageStart("letter")!.Id);
        Assert.Null(definition.MessageStart("parcel"));
    }

    [Fact]
    public void Several_executable_processes_are_each_compiled_as_Camunda_deploys_them_or_one_is_chosen_by_id()
    {
        var xml = BpmnSamples.Definitions("""
              <bpmn:process id="First" isExecutable="true">
                <bpmn:startEvent id="S1" /><bpmn:sequenceFlow id="F1" sourceRef="S1" targetRef="E1" /><bpmn:endEvent id="E1" />
              </bpmn:process>
              <bpmn:process id="Second" isExecutable="true">
                <bpmn:startEvent id="S2" /><bpmn:sequenceFlow id="F2" sourceRef="S2" targetRef="E2" /><bpmn:endEvent id="E2" />
              </bpmn:process>
            """);

        var each = DefinitionCompiler.CompileEach(BpmnSamples.Utf8(xml), BpmnSamples.Topics);
        Assert.True(each.Succeeded, string.Join("; ", each.Problems));
        Assert.Equal(["First", "Second"], each.Definitions.Select(d => d.Key));

        // Asked for one definition without saying which, the compiler names the choice.
        var problem = Assert.Single(CompileFails(xml));
        Assert.Contains("2 executable processes (First, Second)", problem.Message);

        Assert.Equal("Second", Compile(xml, "Second").Definition!.Key);
        Assert.Equal("First", Compile(xml, "First").Definition!.Key);
        Assert.Contains("no process 'Third'. Its processes are: First, Second", Assert.Single(CompileFails(xml, "Third")).Message);
    }

    [Fact]
    public void A_file_with_several_processes_is_refused_whole_when_one_of_them_has_a_problem()
    {
        var xml = BpmnSamples.Definitions("""
              <bpmn:process id="First" isExecutable="true">
                <bpmn:startEvent id="S1" /><bpmn:sequenceFlow id="F1" sourceRef="S1" targetRef="E1" /><bpmn:endEvent id="E1" />
              </bpmn:process>
              <bpmn:process id="Second" isExecutable="true">
                <bpmn:startEvent id="S2" /><bpmn:sequenceFlow id="F2" sourceRef="S2" targetRef="T2" /><bpmn:businessRuleTask id="T2" />
              </bpmn:process>
            """);

        var each = DefinitionCompiler.CompileEach(BpmnSamples.Utf8(xml), BpmnSamples.Topics);

        Assert.False(each.Succeeded);
        Assert.Empty(each.Definitions);
        Assert.Contains(each.Problems, p => p.ElementId == "T2");
    }

    [Fact]
    public void Naming_a_non_executable_process_is_refused()
    {
        var xml = BpmnSamples.SimpleProcess().Replace("isExecutable=\"true\"", "isExecutable=\"false\"");

        var problem = Assert.Single(CompileFails(xml, "Approval"));

        Assert.Contains("isExecutable=\"false\"", problem.Message);
    }

    [Fact]
    public void A_pool_drawn_only_as_a_black_box_does_not_compete_with_the_process()
    {
        var xml = BpmnSamples.SimpleProcess().Replace("</bpmn:definitions>", """
              <bpmn:process id="Applicant" isExecutable="true" />
            </bpmn:definitions>
            """);

        Assert.Equal("Approval", CompileOk(xml).Key);
    }

    [Fact]
    public void Only_the_compiled_process_is_checked()
    {
        var xml = BpmnSamples.SimpleProcess().Replace("</bpmn:definitions>", """
              <bpmn:process id="Other" isExecutable="false"><bpmn:task id="Drawn" /></bpmn:process>
            </bpmn:definitions>
            """);

        Assert.Equal("Approval", CompileOk(xml).Key);
    }

    [Fact]
    public void Service_tasks_need_a_topic_with_a_registered_handler()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="NoTopic" />
              <bpmn:serviceTask id="NoTopic" camunda:type="external" />
              <bpmn:sequenceFlow id="F2" sourceRef="NoTopic" targetRef="Delegate" />
              <bpmn:serviceTask id="Delegate" camunda:delegateExpression="${calculator}" />
              <bpmn:sequenceFlow id="F3" sourceRef="Delegate" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.ElementId == "NoTopic" && p.Message.Contains("has no topic") && p.Message.Contains("notice.publish, subsidy.calculate"));
        Assert.Contains(problems, p => p.ElementId == "Delegate" && p.Kind == "serviceTask (camunda:delegateExpression)");
    }

    [Fact]
    public void With_no_topics_registered_the_message_says_so()
    {
        var result = DefinitionCompiler.Compile(BpmnSamples.Utf8(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Pay" />
              <bpmn:serviceTask id="Pay" camunda:type="external" camunda:topic="payment.request" />
              <bpmn:sequenceFlow id="F2" sourceRef="Pay" targetRef="End" />
              <bpmn:endEvent id="End" />
            """)), new HashSet<string>());

        Assert.Equal("The service task topic 'payment.request' has no handler registered; registered topics: none.", Assert.Single(result.Problems).Message);
    }

    [Fact]
    public void Timers_must_be_ISO_8601()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
              <bpmn:intermediateCatchEvent id="Wait">
                <bpmn:timerEventDefinition><bpmn:timeDuration>three days</bpmn:timeDuration></bpmn:timerEventDefinition>
              </bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Empty" />
              <bpmn:intermediateCatchEvent id="Empty"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="F3" sourceRef="Empty" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Wait" && p.Message.Contains("The timeDuration 'three days' is not valid ISO 8601"));
        Assert.Contains(problems, p => p.ElementId == "Empty" && p.Message.Contains("The timer has no value"));
    }

    [Fact]
    public void Catch_events_need_exactly_one_definition()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Nothing" />
              <bpmn:intermediateCatchEvent id="Nothing" />
              <bpmn:sequenceFlow id="F2" sourceRef="Nothing" targetRef="Both" />
              <bpmn:intermediateCatchEvent id="Both">
                <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
                <bpmn:messageEventDefinition messageRef="M" />
              </bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="F3" sourceRef="Both" targetRef="End" />
              <bpmn:endEvent id="End" />
            """).Replace("</bpmn:definitions>", "<bpmn:message id=\"M\" name=\"m\" /></bpmn:definitions>"));

        Assert.Contains(problems, p => p.ElementId == "Nothing" && p.Message.Contains("no timer, message or signal definition"));
        Assert.Contains(problems, p => p.ElementId == "Both" && p.Message.Contains("2 event definitions"));
    }

    [Fact]
    public void Message_events_must_name_a_message_with_a_name()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="NoRef" />
              <bpmn:intermediateCatchEvent id="NoRef"><bpmn:messageEventDefinition /></bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="F2" sourceRef="NoRef" targetRef="Unknown" />
              <bpmn:intermediateCatchEvent id="Unknown"><bpmn:messageEventDefinition messageRef="Ghost" /></bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="F3" sourceRef="Unknown" targetRef="Nameless" />
              <bpmn:intermediateCatchEvent id="Nameless"><bpmn:messageEventDefinition messageRef="Blank" /></bpmn:intermediateCatchEvent>
              <bpmn:sequenceFlow id="F4" sourceRef="Nameless" targetRef="End" />
              <bpmn:endEvent id="End" />
            """).Replace("</bpmn:definitions>", "<bpmn:message id=\"Blank\" /></bpmn:definitions>"));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.ElementId == "NoRef" && p.Message.Contains("does not say which message") && p.Message.Contains("Blank"));
        Assert.Contains(problems, p => p.ElementId == "Unknown" && p.Message.Contains("message 'Ghost', which the file does not define"));
        Assert.Contains(problems, p => p.ElementId == "Nameless" && p.Message.Contains("has no name"));
    }

    [Fact]
    public void Boundary_events_must_sit_on_an_activity_of_their_own_scope()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gate" />
              <bpmn:exclusiveGateway id="Gate" />
              <bpmn:sequenceFlow id="F2" sourceRef="Gate" targetRef="Sub" />
              <bpmn:subProcess id="Sub">
                <bpmn:startEvent id="SubStart" />
                <bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="Inner" />
                <bpmn:userTask id="Inner" />
                <bpmn:sequenceFlow id="S2" sourceRef="Inner" targetRef="SubEnd" />
                <bpmn:endEvent id="SubEnd" />
              </bpmn:subProcess>
              <bpmn:sequenceFlow id="F3" sourceRef="Sub" targetRef="End" />
              <bpmn:boundaryEvent id="OnGate" attachedToRef="Gate"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:boundaryEvent id="Reaching" attachedToRef="Inner"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:boundaryEvent id="Floating"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:boundaryEvent id="OnSub" attachedToRef="Sub"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
              <bpmn:sequenceFlow id="B1" sourceRef="OnGate" targetRef="End" />
              <bpmn:sequenceFlow id="B2" sourceRef="Reaching" targetRef="End" />
              <bpmn:sequenceFlow id="B3" sourceRef="Floating" targetRef="End" />
              <bpmn:sequenceFlow id="B4" sourceRef="OnSub" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "OnGate" && p.Message.Contains("can only be attached to user tasks, service tasks, call activities and sub-processes"));
        Assert.Contains(problems, p => p.ElementId == "Reaching" && p.Message.Contains("different (sub-)process"));
        Assert.Contains(problems, p => p.ElementId == "Floating" && p.Message.Contains("not attached to anything"));
        Assert.DoesNotContain(problems, p => p.ElementId == "OnSub");
    }

    [Fact]
    public void Flows_cannot_cross_a_sub_process_boundary()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="IntoSub" sourceRef="Start" targetRef="Inner" />
              <bpmn:subProcess id="Sub">
                <bpmn:startEvent id="SubStart" />
                <bpmn:sequenceFlow id="S1" sourceRef="SubStart" targetRef="Inner" />
                <bpmn:userTask id="Inner" />
                <bpmn:sequenceFlow id="OutOfSub" sourceRef="Inner" targetRef="End" />
              </bpmn:subProcess>
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "IntoSub" && p.Message.Contains("crosses a sub-process boundary"));
        Assert.Contains(problems, p => p.ElementId == "OutOfSub" && p.Message.Contains("crosses a sub-process boundary"));
    }

    [Fact]
    public void A_sub_process_needs_exactly_one_none_start_event()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Empty" />
              <bpmn:subProcess id="Empty" />
              <bpmn:sequenceFlow id="F2" sourceRef="Empty" targetRef="Timed" />
              <bpmn:subProcess id="Timed">
                <bpmn:startEvent id="TimedStart"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:sequenceFlow id="S1" sourceRef="TimedStart" targetRef="TimedEnd" />
                <bpmn:endEvent id="TimedEnd" />
              </bpmn:subProcess>
              <bpmn:sequenceFlow id="F3" sourceRef="Timed" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Empty" && p.Message.Contains("no none start event"));
        Assert.Contains(problems, p => p.ElementId == "TimedStart" && p.Message.Contains("only begin with a none start event"));
        Assert.Contains(problems, p => p.ElementId == "Timed" && p.Message.Contains("no none start event"));
    }

    [Fact]
    public void Gateway_defaults_must_leave_the_gateway()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gate" />
              <bpmn:exclusiveGateway id="Gate" default="F1" />
              <bpmn:sequenceFlow id="F2" sourceRef="Gate" targetRef="End" />
              <bpmn:inclusiveGateway id="Other" default="Missing" />
              <bpmn:sequenceFlow id="F3" sourceRef="Other" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Gate" && p.Message.Contains("default flow 'F1' does not leave this gateway"));
        Assert.Contains(problems, p => p.ElementId == "Other" && p.Message.Contains("default flow 'Missing' does not exist"));
    }

    [Fact]
    public void Conditions_must_be_expressions_not_prose()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gate" />
              <bpmn:exclusiveGateway id="Gate" default="Else" />
              <bpmn:sequenceFlow id="Prose" sourceRef="Gate" targetRef="End"><bpmn:conditionExpression>Amount is large</bpmn:conditionExpression></bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="Feel" sourceRef="Gate" targetRef="End"><bpmn:conditionExpression language="https://www.omg.org/spec/DMN/20191111/FEEL/">amount &gt; 5</bpmn:conditionExpression></bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="Else" sourceRef="Gate" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.ElementId == "Prose" && p.Message.Contains("'Amount is large' is plain text"));
        Assert.Contains(problems, p => p.ElementId == "Feel" && p.Kind.StartsWith("sequenceFlow (condition language", StringComparison.Ordinal));
    }

    [Fact]
    public void The_words_true_and_false_are_conditions_the_runtime_understands()
    {
        var process = CompileOk(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Gate" />
              <bpmn:exclusiveGateway id="Gate" />
              <bpmn:sequenceFlow id="Always" sourceRef="Gate" targetRef="End"><bpmn:conditionExpression>true</bpmn:conditionExpression></bpmn:sequenceFlow>
              <bpmn:sequenceFlow id="Never" sourceRef="Gate" targetRef="End"><bpmn:conditionExpression>FALSE</bpmn:conditionExpression></bpmn:sequenceFlow>
              <bpmn:endEvent id="End" />
            """)).Process;

        Assert.NotNull(process.FlowsById["Always"].Condition);
        Assert.NotNull(process.FlowsById["Never"].Condition);
    }

    [Fact]
    public void User_task_expressions_are_checked_at_deploy()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
              <bpmn:userTask id="Review" camunda:assignee="${}" camunda:dueDate="next week" />
              <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Review" && p.Message.Contains("The assignee '${}' cannot be read"));
        Assert.Contains(problems, p => p.ElementId == "Review" && p.Message.Contains("The due date 'next week' is neither an expression nor an ISO 8601"));
    }

    [Fact]
    public void Multi_instance_runs_on_tasks_and_call_activities_and_needs_items_or_a_count()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Calc" />
              <bpmn:serviceTask id="Calc" camunda:type="external" camunda:topic="subsidy.calculate">
                <bpmn:multiInstanceLoopCharacteristics camunda:collection="items" />
              </bpmn:serviceTask>
              <bpmn:sequenceFlow id="F2" sourceRef="Calc" targetRef="Vague" />
              <bpmn:userTask id="Vague"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>
              <bpmn:sequenceFlow id="F3" sourceRef="Vague" targetRef="Standard" />
              <bpmn:userTask id="Standard">
                <bpmn:multiInstanceLoopCharacteristics><bpmn:loopDataInputRef>signers</bpmn:loopDataInputRef></bpmn:multiInstanceLoopCharacteristics>
              </bpmn:userTask>
              <bpmn:sequenceFlow id="F4" sourceRef="Standard" targetRef="Counted" />
              <bpmn:userTask id="Counted">
                <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:elementVariable="1st">
                  <bpmn:loopCardinality>three</bpmn:loopCardinality>
                </bpmn:multiInstanceLoopCharacteristics>
              </bpmn:userTask>
              <bpmn:sequenceFlow id="F5" sourceRef="Counted" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.DoesNotContain(problems, p => p.ElementId == "Calc"); // a multi-instance service task runs
        Assert.Contains(problems, p => p.ElementId == "Vague" && p.Message.Contains("neither over which items nor how many times"));
        Assert.DoesNotContain(problems, p => p.ElementId == "Standard"); // loopDataInputRef is the collection, as in Camunda
        Assert.Contains(problems, p => p.ElementId == "Counted" && p.Message.Contains("loop cardinality 'three'"));
        Assert.Contains(problems, p => p.ElementId == "Counted" && p.Message.Contains("element variable '1st'"));
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void A_multi_instance_count_may_be_a_number_or_an_expression()
    {
        var process = CompileOk(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Fixed" />
              <bpmn:userTask id="Fixed"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>3</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
              <bpmn:sequenceFlow id="F2" sourceRef="Fixed" targetRef="Dynamic" />
              <bpmn:userTask id="Dynamic"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>${expertCount}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
              <bpmn:sequenceFlow id="F3" sourceRef="Dynamic" targetRef="End" />
              <bpmn:endEvent id="End" />
            """)).Process;

        Assert.NotNull(((UserTask)process.Node("Fixed")).MultiInstance!.CardinalityExpression);
        Assert.NotNull(((UserTask)process.Node("Dynamic")).MultiInstance!.CardinalityExpression);
    }

    [Fact]
    public void A_call_activity_must_name_the_process_it_calls()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Call" />
              <bpmn:callActivity id="Call" />
              <bpmn:sequenceFlow id="F2" sourceRef="Call" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains("Set calledElement", Assert.Single(problems).Message);
    }

    [Fact]
    public void Start_and_end_events_keep_their_direction()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
              <bpmn:endEvent id="End" />
              <bpmn:sequenceFlow id="Back" sourceRef="End" targetRef="Start" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Start" && p.Message.Contains("cannot have incoming"));
        Assert.Contains(problems, p => p.ElementId == "End" && p.Message.Contains("cannot have outgoing"));
    }

    [Fact]
    public void Duplicate_ids_are_refused()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="Start" sourceRef="Start" targetRef="End" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains("The id 'Start' is used twice", Assert.Single(problems).Message);
    }

    [Fact]
    public void Unreadable_input_comes_back_as_problems()
    {
        Assert.NotEmpty(DefinitionCompiler.Compile([], BpmnSamples.Topics).Problems);
        Assert.NotEmpty(DefinitionCompiler.Compile(Encoding.UTF8.GetBytes("<nope"), BpmnSamples.Topics).Problems);
        Assert.False(DefinitionCompiler.Compile([1, 2, 3], BpmnSamples.Topics).Succeeded);
    }

    [Fact]
    public void Async_continuations_compile_with_their_retry_cycle_and_a_wrong_cycle_is_refused_by_name()
    {
        var good = DefinitionCompiler.Compile(Encoding.UTF8.GetBytes(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" camunda:asyncBefore="true" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
              <bpmn:userTask id="Review" camunda:asyncAfter="true">
                <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R5/PT10M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
              </bpmn:userTask>
              <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
              <bpmn:endEvent id="End" />
            """)), BpmnSamples.Topics);
        Assert.True(good.Succeeded, string.Join("; ", good.Problems));
        Assert.True(good.Definition!.Process.Node("Start").AsyncBefore);
        Assert.Equal(5, good.Definition.Process.Node("Review").Retries.Attempts);

        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
              <bpmn:userTask id="Review" camunda:asyncBefore="true">
                <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>every ten minutes</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
              </bpmn:userTask>
              <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" camunda:asyncBefore="true" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Review" && p.Kind == "userTask (camunda:failedJobRetryTimeCycle)" && p.Message.Contains("R5/PT10M", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "F2" && p.Kind == "sequenceFlow (camunda:asyncBefore)");
    }

    [Fact]
    public void Links_event_gateways_and_receive_tasks_that_cannot_run_are_refused_by_name()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Which" />
              <bpmn:eventBasedGateway id="Which" />
              <bpmn:sequenceFlow id="F2" sourceRef="Which" targetRef="Review" />
              <bpmn:sequenceFlow id="F3" sourceRef="Which" targetRef="Jump" />
              <bpmn:userTask id="Review" />
              <bpmn:intermediateThrowEvent id="Jump"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateThrowEvent>
              <bpmn:receiveTask id="Wait" />
              <bpmn:sequenceFlow id="F4" sourceRef="Review" targetRef="Wait" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Which" && p.Message.Contains("only intermediate catch events", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "Jump" && p.Message.Contains("No link catch event named 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "Wait" && p.Kind == "receiveTask" && p.Message.Contains("messageRef", StringComparison.Ordinal));
    }

    [Fact]
    public void A_call_activity_mapping_that_names_no_source_is_refused()
    {
        var problems = CompileFails(BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Call" />
              <bpmn:callActivity id="Call" calledElement="other">
                <bpmn:extensionElements><camunda:in target="amount" /><camunda:out sourceExpression="${a +}" target="b" /></bpmn:extensionElements>
              </bpmn:callActivity>
              <bpmn:sequenceFlow id="F2" sourceRef="Call" targetRef="End" />
              <bpmn:endEvent id="End" />
            """));

        Assert.Contains(problems, p => p.ElementId == "Call" && p.Message.Contains("camunda:in mapping", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.ElementId == "Call" && p.Message.Contains("sourceExpression '${a +}' cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_message_on_two_boundary_events_of_one_activity_is_refused_as_Camunda_refuses_it()
    {
        var xml = BpmnSamples.Definitions("""
            <bpmn:message id="Msg" name="withdrawn" />
            <bpmn:process id="Approval" isExecutable="true">
              <bpmn:startEvent id="Start" />
              <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
              <bpmn:userTask id="Review" />
              <bpmn:boundaryEvent id="First" attachedToRef="Review"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:boundaryEvent>
              <bpmn:boundaryEvent id="Second" attachedToRef="Review" cancelActivity="false"><bpmn:messageEventDefinition messageRef="Msg" /></bpmn:boundaryEvent>
              <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
              <bpmn:sequenceFlow id="F3" sourceRef="First" targetRef="End" />
              <bpmn:sequenceFlow id="F4" sourceRef="Second" targetRef="End" />
              <bpmn:endEvent id="End" />
            </bpmn:process>
            """);

        var problem = Assert.Single(CompileFails(xml));

        Assert.Equal("Second", problem.ElementId);
        Assert.Contains("already caught by the boundary event 'First'", problem.Message, StringComparison.Ordinal);
    }
}
