using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.Enterprises;

internal sealed class EnterpriseInvitationConfiguration : IEntityTypeConfiguration<EnterpriseInvitation>
{
    public void Configure(EntityTypeBuilder<EnterpriseInvitation> builder)
    {
        builder.ToTable("EnterpriseInvitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.UserName).HasMaxLength(256).IsRequired();
        builder.Property(i => i.InvitedBy).HasMaxLength(256).IsRequired();
        builder.Property(i => i.Status).HasMaxLength(20).IsRequired();
        builder.Ignore(i => i.IsPending);
        builder.HasIndex(i => new { i.UserName, i.Status });
        builder.HasIndex(i => new { i.EnterpriseId, i.Status });
        builder.HasOne<Enterprise>().WithMany().HasForeignKey(i => i.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>An invitation as the enterprise's users and the invited user read it.</summary>
public sealed record InvitationView(Guid Id, Guid EnterpriseId, string EnterpriseName, string UserName, string InvitedBy, DateTimeOffset InvitedAt, string Status)
{
    public static InvitationView Of(EnterpriseInvitation i, string enterpriseName) =>
        new(i.Id, i.EnterpriseId, enterpriseName, i.UserName, i.InvitedBy, i.InvitedAt, i.Status);
}
