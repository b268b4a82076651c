using TrajectoirEss.Domain.Accounts;
using TrajectoirEss.Domain.Common;

namespace TrajectoirEss.Domain.Tests;

public sealed class AccountRulesTests
{
    private static readonly Guid Pole = Guid.CreateVersion7();
    private static readonly Guid Structure = Guid.CreateVersion7();
    private static readonly Guid Authority = Guid.CreateVersion7();

    public static TheoryData<string, bool, bool, bool, bool> Organisations() => new()
    {
        // role, pôle given, structure given → pôle kept, structure kept (a public authority is given too)
        { Roles.PoleStaff, true, true, true, false },
        { Roles.StructureStaff, true, true, false, true },
        { Roles.Coordinator, true, true, false, false },
        { Roles.PublicPartner, true, true, false, false },
        { Roles.Admin, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Organisations))]
    public void OrganisationFor_KeepsOnlyWhatTheRoleNeeds(string role, bool withPole, bool withStructure, bool keepsPole, bool keepsStructure)
    {
        var (pole, structure, authority) = AccountRules.OrganisationFor(role, withPole ? Pole : null, withStructure ? Structure : null, Authority);
        Assert.Equal(keepsPole ? Pole : null, pole);
        Assert.Equal(keepsStructure ? Structure : null, structure);
        Assert.Equal(role == Roles.PublicPartner ? Authority : null, authority);
    }

    [Theory]
    [InlineData(Roles.PoleStaff, "PoleId")]
    [InlineData(Roles.StructureStaff, "StructureId")]
    [InlineData(Roles.PublicPartner, "PublicAuthorityId")]
    [InlineData(Roles.Porteur, "Role")]
    [InlineData("Inconnu", "Role")]
    [InlineData(null, "Role")]
    public void OrganisationFor_WithoutWhatTheRoleNeeds_IsRefusedOnTheField(string? role, string field) =>
        Assert.Equal(field, Assert.Throws<DomainException>(() => AccountRules.OrganisationFor(role, null, null, null)).Field);

    [Theory]
    [InlineData(1, true, false, true)]
    [InlineData(2, true, false, false)]
    [InlineData(1, true, true, false)]
    [InlineData(1, false, false, false)]
    [InlineData(0, false, false, false)]
    public void EnsureAnAdministratorRemains(int activeAdmins, bool targetIsAdmin, bool remains, bool refused)
    {
        var error = Record.Exception(() => AccountRules.EnsureAnAdministratorRemains(activeAdmins, targetIsAdmin, remains));
        Assert.Equal(refused, error is DomainException);
    }

    [Fact]
    public void StaffRoles_NeverIncludePorteurs() => Assert.DoesNotContain(Roles.Porteur, AccountRules.StaffRoles);

    [Fact]
    public void PublicPartners_AreInvitedByAdministrators() => Assert.Contains(Roles.PublicPartner, AccountRules.StaffRoles);
}
