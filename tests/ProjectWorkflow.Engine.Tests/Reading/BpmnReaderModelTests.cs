using ProjectWorkflow.Engine.Model;
using ProjectWorkflow.Engine.Reading;
using ProjectWorkflow.Engine.Timers;

namespace ProjectWorkflow.Engine.Tests.Reading;

/// <summary>What the reader builds from a file: nodes, the graph between them, and what it keeps aside.</summary>
public class BpmnReaderModelTests
{
    private static BpmnDocument ReadDocument(string xml)
    {
        var result = BpmnReader.Read(BpmnSamples.Utf8(xml));
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Document!;
    }

    private static ProcessModel ReadFull() => ReadDocument(BpmnSamples.FullApproval).Processes.Single();

    [Fact]
    public void Reads_definitions_messages_and_the_diagram_flag()
    {
        var document = ReadDocument(BpmnSamples.FullApproval);

        Assert.Equal("Definitions_Full", document.DefinitionsId);
        Assert.Equal("http://example.com/bpmn", document.TargetNamespace);
        Assert.Equal("payment.confirmed", document.Messages["Message_Paid"]);
        Assert.True(document.HasDiagram);
        Assert.False(ReadDocument(BpmnSamples.SimpleProcess()).HasDiagram);
    }

    [Fact]
    public void Reads_Camunda_attributes_of_a_user_task()
    {
        var review = Assert.IsType<UserTask>(ReadFull().Node("Review"));

        Assert.Equal("District review", review.Name);
        Assert.Equal("${reviewer}", review.Assignee);
        Assert.Equal("alice, bob", review.CandidateUsers);
        Assert.Equal("district-reviewers", review.CandidateGroups);
        Assert.Equal("P5D", review.DueDate);
        Assert.Equal("review-form", review.FormKey);
    }

    [Fact]
    public void Reads_multi_instance_with_collection_element_variable_and_completion_condition()
    {
        var experts = Assert.IsType<UserTask>(ReadFull().Node("Experts"));

        var loop = Assert.IsType<MultiInstance>(experts.MultiInstance);
        Assert.False(loop.IsSequential);
        Assert.Equal("experts", loop.Collection);
        Assert.Equal("expert", loop.ElementVariable);
        Assert.Equal("${nrOfCompletedInstances >= 3}", loop.CompletionCondition);
        Assert.Null(loop.LoopCardinality);
    }

    [Fact]
    public void Reads_sequential_multi_instance_with_a_cardinality_and_standard_data_input()
    {
        var process = ReadDocument(BpmnSamples.Process("""
              <bpmn:userTask id="Sign">
                <bpmn:multiInstanceLoopCharacteristics isSequential="true">
                  <bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">3</bpmn:loopCardinality>
                  <bpmn:loopDataInputRef>signers</bpmn:loopDataInputRef>
                </bpmn:multiInstanceLoopCharacteristics>
              </bpmn:userTask>
            """)).Processes.Single();

        var loop = ((UserTask)process.Node("Sign")).MultiInstance!;
        Assert.True(loop.IsSequential);
        Assert.Equal("3", loop.LoopCardinality);
        Assert.Equal("signers", loop.LoopDataInputRef);
    }

    [Fact]
    public void Reads_service_task_topic_and_call_activity_target()
    {
        var process = ReadFull();

        Assert.Equal("subsidy.calculate", Assert.IsType<ServiceTask>(process.Node("Calculate")).Topic);
        Assert.Equal("acceptance", Assert.IsType<CallActivity>(process.Node("Accept")).CalledElement);
    }

    [Fact]
    public void Links_flows_to_their_nodes_both_ways()
    {
        var process = ReadFull();
        var flow = process.FlowsById["F2"];

        Assert.Same(process.Node("Review"), flow.Source);
        Assert.Same(process.Node("Decision"), flow.Target);
        Assert.Contains(flow, process.Node("Review").Outgoing);
        Assert.Contains(flow, process.Node("Decision").Incoming);
        Assert.All(process.Nodes, node => Assert.Same(process, node.Scope));
    }

    [Fact]
    public void Reads_trimmed_conditions_and_the_gateway_default_flow()
    {
        var process = ReadFull();
        var decision = Assert.IsType<ExclusiveGateway>(process.Node("Decision"));

        Assert.Equal("${recommended}", process.FlowsById["F_ok"].ConditionText);
        Assert.Null(process.FlowsById["F_reject"].ConditionText);
        Assert.Equal("F_reject", decision.DefaultFlowId);
        Assert.Same(process.FlowsById["F_reject"], decision.DefaultFlow);
        Assert.Equal("Recommended?", decision.Name);
    }

    [Fact]
    public void Attaches_a_boundary_event_to_its_activity()
    {
        var process = ReadFull();
        var reminder = Assert.IsType<BoundaryEvent>(process.Node("ReviewReminder"));
        var review = process.Node("Review");

        Assert.Same(review, reminder.AttachedTo);
        Assert.Equal([reminder], review.Boundaries);
        Assert.False(reminder.CancelActivity);
        Assert.Equal(TimerKind.Cycle, reminder.Timer!.Kind);
        Assert.Equal("R3/P1D", reminder.Timer.Text);
    }

    [Fact]
    public void A_boundary_event_interrupts_unless_it_says_otherwise()
    {
        var process = ReadDocument(BpmnSamples.Process("""
              <bpmn:userTask id="Review" />
              <bpmn:boundaryEvent id="Late" attachedToRef="Review">
                <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
              </bpmn:boundaryEvent>
            """)).Processes.Single();

        Assert.True(((BoundaryEvent)process.Node("Late")).CancelActivity);
    }

    [Fact]
    public void Nested_sub_process_nodes_are_in_NodesById_and_their_flows_in_both_places()
    {
        var process = ReadFull();
        var site = Assert.IsType<SubProcess>(process.Node("SiteCheck"));

        Assert.Equal(["SiteStart", "Visit", "SiteEnd"], site.Nodes.Select(n => n.Id));
        Assert.Same(site, process.Node("Visit").Scope);
        Assert.Equal(["S1", "S2"], site.Flows.Select(f => f.Id));
        Assert.Same(site.Flows[0], process.FlowsById["S1"]);
        Assert.DoesNotContain(process.Flows, f => f.Id == "S1");
        Assert.Same(site.NoneStart, process.Node("SiteStart"));
    }

    [Fact]
    public void Sub_processes_nest_to_any_depth()
    {
        var process = ReadDocument(BpmnSamples.Process("""
              <bpmn:subProcess id="Outer">
                <bpmn:subProcess id="Middle">
                  <bpmn:subProcess id="Inner">
                    <bpmn:userTask id="Deep" />
                  </bpmn:subProcess>
                </bpmn:subProcess>
              </bpmn:subProcess>
            """)).Processes.Single();

        Assert.Same(process.Node("Inner"), process.Node("Deep").Scope);
        Assert.Same(process.Node("Middle"), process.Node("Inner").Scope);
        Assert.Equal(4, process.NodesById.Count);
    }

    [Fact]
    public void Reads_intermediate_message_events_with_the_message_name()
    {
        var wait = Assert.IsType<IntermediateCatchEvent>(ReadFull().Node("WaitForPayment"));

        Assert.Equal(new MessageDefinition("Message_Paid", "payment.confirmed"), wait.Message);
        Assert.Null(wait.Timer);
    }

    [Fact]
    public void Reads_terminate_end_events_and_timer_start_events()
    {
        var process = ReadDocument(BpmnSamples.Process("""
              <bpmn:startEvent id="Nightly">
                <bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition>
              </bpmn:startEvent>
              <bpmn:endEvent id="Stop"><bpmn:terminateEventDefinition /></bpmn:endEvent>
              <bpmn:endEvent id="Plain" />
            """)).Processes.Single();

        Assert.Equal(TimerKind.Cycle, ((StartEvent)process.Node("Nightly")).Timer!.Kind);
        Assert.True(((EndEvent)process.Node("Stop")).Terminate);
        Assert.False(((EndEvent)process.Node("Plain")).Terminate);
    }

    [Fact]
    public void Records_unsupported_elements_with_id_kind_line_and_reason()
    {
        var xml = BpmnSamples.Process("""
              <bpmn:startEvent id="Start" />
              <bpmn:complexGateway id="Abstract" />
              <bpmn:scriptTask id="Script" />
              <bpmn:boundaryEvent id="Failed" attachedToRef="Script"><bpmn:terminateEventDefinition /></bpmn:boundaryEvent>
              <bpmn:intermediateCatchEvent id="Shout"><bpmn:compensateEventDefinition /></bpmn:intermediateCatchEvent>
              <bpmn:adHocSubProcess id="Race" />
              <bpmn:subProcess id="OnError" triggeredByEvent="true"><bpmn:startEvent id="Hidden"><bpmn:cancelEventDefinition /></bpmn:startEvent></bpmn:subProcess>
              <bpmn:userTask id="Loop"><bpmn:standardLoopCharacteristics /></bpmn:userTask>
              <bpmn:serviceTask id="Java" camunda:class="com.example.Calculate" />
            """);

        var document = ReadDocument(xml);

        var byId = document.Unsupported.ToDictionary(u => u.ElementId!);
        Assert.Equal("complexGateway", byId["Abstract"].Kind);
        Assert.Equal(BpmnSamples.LineOf(xml, "id=\"Abstract\""), byId["Abstract"].Line);
        Assert.Contains("exclusive, inclusive or parallel gateway", byId["Abstract"].Reason);
        Assert.Equal("scriptTask (scriptFormat 'none')", byId["Script"].Kind);
        Assert.Equal("boundaryEvent (terminateEventDefinition)", byId["Failed"].Kind);
        Assert.Equal("intermediateCatchEvent (compensateEventDefinition)", byId["Shout"].Kind);
        Assert.Equal("adHocSubProcess", byId["Race"].Kind);
        Assert.Equal("startEvent (cancelEventDefinition)", byId["Hidden"].Kind);
        Assert.Equal("userTask (standardLoopCharacteristics)", byId["Loop"].Kind);
        Assert.Equal("serviceTask (camunda:class)", byId["Java"].Kind);
        Assert.All(document.Unsupported, u => Assert.Equal("Approval", u.ProcessId));
        var process = document.Processes.Single();
        Assert.False(process.NodesById.ContainsKey("Abstract"));
        Assert.False(process.NodesById.ContainsKey("Hidden"));
    }

    [Theory]
    [InlineData("startEvent", "cancelEventDefinition")]
    [InlineData("endEvent", "conditionalEventDefinition")]
    [InlineData("intermediateCatchEvent", "errorEventDefinition")]
    [InlineData("intermediateCatchEvent", "compensateEventDefinition")]
    [InlineData("intermediateCatchEvent", "cancelEventDefinition")]
    [InlineData("boundaryEvent", "terminateEventDefinition")]
    public void Names_the_event_definition_that_is_unsupported(string eventKind, string definition)
    {
        var document = ReadDocument(BpmnSamples.Process($"""
              <bpmn:userTask id="Host" />
              <bpmn:{eventKind} id="Event" attachedToRef="Host"><bpmn:{definition} /></bpmn:{eventKind}>
            """));

        var unsupported = Assert.Single(document.Unsupported);
        Assert.Equal($"{eventKind} ({definition})", unsupported.Kind);
        Assert.Equal("Event", unsupported.ElementId);
        Assert.Contains("not supported", unsupported.Reason);
    }

    [Fact]
    public void Keeps_lanes_annotations_and_data_as_descriptive()
    {
        var document = ReadDocument(BpmnSamples.Process("""
              <bpmn:laneSet id="Lanes">
                <bpmn:lane id="Applicant"><bpmn:flowNodeRef>Start</bpmn:flowNodeRef>
                  <bpmn:childLaneSet id="Inner"><bpmn:lane id="Sub" /></bpmn:childLaneSet>
                </bpmn:lane>
              </bpmn:laneSet>
              <bpmn:startEvent id="Start" />
              <bpmn:dataObject id="Form" />
              <bpmn:dataObjectReference id="FormRef" dataObjectRef="Form" />
              <bpmn:dataStoreReference id="Ledger" />
              <bpmn:textAnnotation id="Note" />
              <bpmn:association id="Link" sourceRef="Start" targetRef="Note" />
              <bpmn:group id="Stage" />
            """));

        Assert.Equal(
            ["Lanes", "Applicant", "Inner", "Sub", "Form", "FormRef", "Ledger", "Note", "Link", "Stage"],
            document.Descriptive.Select(d => d.ElementId));
        Assert.Empty(document.Unsupported);
        Assert.Equal("lane", document.Descriptive[1].Kind);
    }

    [Fact]
    public void Keeps_data_associations_and_performers_drawn_on_a_task()
    {
        var document = ReadDocument(BpmnSamples.Process("""
              <bpmn:dataObject id="Form" />
              <bpmn:userTask id="Review">
                <bpmn:ioSpecification id="Io" />
                <bpmn:dataInputAssociation id="In"><bpmn:sourceRef>Form</bpmn:sourceRef></bpmn:dataInputAssociation>
                <bpmn:potentialOwner id="Owner" />
              </bpmn:userTask>
            """));

        Assert.Equal(["Form", "Io", "In", "Owner"], document.Descriptive.Select(d => d.ElementId));
        Assert.Empty(document.Unsupported);
    }

    [Fact]
    public void Reads_pools_and_keeps_message_flows_between_them()
    {
        var document = ReadDocument(BpmnSamples.Definitions("""
              <bpmn:collaboration id="Collab">
                <bpmn:participant id="Department" processRef="Approval" />
                <bpmn:participant id="Applicant" />
                <bpmn:messageFlow id="Letter" sourceRef="Department" targetRef="Applicant" />
              </bpmn:collaboration>
              <bpmn:process id="Approval" isExecutable="true"><bpmn:startEvent id="Start" /></bpmn:process>
            """));

        Assert.Equal("Approval", document.Participants["Department"]);
        Assert.Null(document.Participants["Applicant"]);
        Assert.Contains(document.Descriptive, d => d.ElementId == "Letter" && d.Kind == "messageFlow" && d.ProcessId is null);
    }

    [Fact]
    public void A_process_without_isExecutable_counts_as_executable()
    {
        var document = ReadDocument(BpmnSamples.Definitions("""
              <bpmn:process id="Absent"><bpmn:startEvent id="S1" /></bpmn:process>
              <bpmn:process id="No" isExecutable="false"><bpmn:startEvent id="S2" /></bpmn:process>
            """));

        Assert.True(document.Processes[0].IsExecutable);
        Assert.False(document.Processes[1].IsExecutable);
    }

    [Fact]
    public void Element_lines_come_from_the_file()
    {
        var process = ReadFull();

        Assert.Equal(BpmnSamples.LineOf(BpmnSamples.FullApproval, "<bpmn:userTask id=\"Review\""), process.Node("Review").Line);
        Assert.Equal(BpmnSamples.LineOf(BpmnSamples.FullApproval, "id=\"F_ok\""), process.FlowsById["F_ok"].Line);
    }

    [Fact]
    public void Message_references_may_carry_a_namespace_prefix()
    {
        var process = ReadDocument(BpmnSamples.Process("""
              <bpmn:intermediateCatchEvent id="Wait"><bpmn:messageEventDefinition messageRef="tns:Paid" /></bpmn:intermediateCatchEvent>
            """).Replace("</bpmn:definitions>", "<bpmn:message id=\"Paid\" name=\"paid\" /></bpmn:definitions>")).Processes.Single();

        Assert.Equal(new MessageDefinition("Paid", "paid"), ((IntermediateCatchEvent)process.Node("Wait")).Message);
    }

    [Fact]
    public void Duplicate_ids_are_recorded_and_the_first_element_kept()
    {
        var xml = BpmnSamples.Process("""
              <bpmn:userTask id="Twice" name="first" />
              <bpmn:userTask id="Twice" name="second" />
            """);

        var process = ReadDocument(xml).Processes.Single();

        Assert.Equal("first", process.Node("Twice").Name);
        var problem = Assert.Single(process.ReadProblems);
        Assert.Equal("Twice", problem.ElementId);
        Assert.Equal(BpmnSamples.LineOf(xml, "name=\"second\""), problem.Line);
        Assert.Contains($"line {BpmnSamples.LineOf(xml, "name=\"first\"")}", problem.Message);
    }

    [Fact]
    public void Camunda_listeners_are_recorded_as_unsupported_on_the_element_that_has_them()
    {
        var document = ReadDocument(BpmnSamples.Process("""
              <bpmn:userTask id="Review">
                <bpmn:extensionElements>
                  <camunda:taskListener class="com.example.Notify" event="create" />
                </bpmn:extensionElements>
              </bpmn:userTask>
            """));

        var unsupported = Assert.Single(document.Unsupported);
        Assert.Equal(("Review", "userTask (camunda:taskListener)"), (unsupported.ElementId, unsupported.Kind));
        Assert.True(document.Processes[0].NodesById.ContainsKey("Review"));
    }
}
