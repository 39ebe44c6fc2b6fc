using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Workflows;

namespace ProjectWorkflow.Application.Notifications;

public static class NotificationRegistration
{
    /// <summary>The inbox, the workflow observer that fills it, and the e-mail queue with its transport (SMTP or pickup folder).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<NotificationSettings>()
            .Configure<IConfiguration>((settings, configuration) => configuration.GetSection(NotificationSettings.Section).Bind(settings));

        services.AddScoped<IWorkflowSessionObserver, WorkflowNotifications>();
        services.AddScoped<MailRecipients>();
        services.AddScoped<ListNotifications>();
        services.AddScoped<MarkNotificationRead>();
        services.AddScoped<MarkAllNotificationsRead>();

        services.AddSingleton<MailQueueSignal>();
        services.AddScoped<SendQueuedMail>();
        services.AddSingleton<IMailTransport>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<NotificationSettings>>().Value;
            if (settings.UsesSmtp) return new SmtpMailTransport(settings.Smtp);
            var directory = string.IsNullOrWhiteSpace(settings.PickupDirectory)
                ? Path.Combine(DataDirectory.Resolve(provider.GetRequiredService<IConfiguration>()), "mail-pickup")
                : Path.GetFullPath(settings.PickupDirectory);
            return new PickupDirectoryMailTransport(directory);
        });
        return services;
    }
}
