using System.Security.Claims;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Web.Auth;

namespace ProjectWorkflow.Web.Workflows;

public static class FormEndpoints
{
    public static RouteGroupBuilder MapForms(this RouteGroupBuilder api)
    {
        api.MapGet("/forms/{formId}", (string formId, GetForm get) => TypedResults.Ok(get.Handle(formId)))
            .WithTags("Forms")
            .WithSummary("A form-js schema by its id (any signed-in user)");

        api.MapGet("/tasks/{id:guid}/form", async (Guid id, ClaimsPrincipal user, GetTaskForm get, CancellationToken ct) =>
                TypedResults.Ok(await get.HandleAsync(id, ActorOf.User(user), ct)))
            .WithTags("Tasks")
            .WithSummary("The form to complete the task with: { formRef, schema } (whoever may see the task; 404 when it has none)");
        return api;
    }
}
