using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;

namespace TrajectoirEss.Domain.Tests;

public sealed class PublicAuthorityTests
{
    private static PublicAuthority Region() => new(Guid.CreateVersion7(), "region-bretagne", "Région Bretagne", PublicAuthorityKind.Region, null);

    [Fact]
    public void New_IsActive_WithItsNameTrimmed_AndNoContact()
    {
        var authority = new PublicAuthority(Guid.CreateVersion7(), "cd29", "  Conseil départemental du Finistère ", PublicAuthorityKind.Departement, "29");
        Assert.Equal("Conseil départemental du Finistère", authority.Name);
        Assert.Equal("29", authority.DepartementCode);
        Assert.True(authority.IsActive);
        Assert.Null(authority.Email);
        Assert.Null(authority.Website);
    }

    public static TheoryData<string?, PublicAuthorityKind?, string?, string> Refused() => new()
    {
        // name, kind, département → the field the message is about
        { null, PublicAuthorityKind.Region, null, nameof(PublicAuthority.Name) },
        { "   ", PublicAuthorityKind.Region, null, nameof(PublicAuthority.Name) },
        { new string('a', PublicAuthority.NameMaxLength + 1), PublicAuthorityKind.Region, null, nameof(PublicAuthority.Name) },
        { "Région Bretagne", null, null, nameof(PublicAuthority.Kind) },
        { "Région Bretagne", (PublicAuthorityKind)42, null, nameof(PublicAuthority.Kind) },
        { "Conseil départemental", PublicAuthorityKind.Departement, null, nameof(PublicAuthority.DepartementCode) },
        { "Lorient Agglomération", PublicAuthorityKind.Epci, "75", nameof(PublicAuthority.DepartementCode) },
        { "Lorient Agglomération", PublicAuthorityKind.Epci, "5", nameof(PublicAuthority.DepartementCode) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void New_WithABrokenRule_IsRefusedOnItsField(string? name, PublicAuthorityKind? kind, string? departement, string field)
    {
        var error = Assert.Throws<DomainException>(() => new PublicAuthority(Guid.CreateVersion7(), "code", name, kind, departement));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Name_AtItsMaximumLength_IsAccepted() =>
        Assert.Equal(PublicAuthority.NameMaxLength, new PublicAuthority(Guid.CreateVersion7(), "long", new string('a', PublicAuthority.NameMaxLength), PublicAuthorityKind.Other, null).Name.Length);

    [Theory]
    [MemberData(nameof(Refused))]
    public void Update_WithABrokenRule_ChangesNothing(string? name, PublicAuthorityKind? kind, string? departement, string field)
    {
        var authority = Region();
        var error = Assert.Throws<DomainException>(() => authority.Update(name, kind, departement));
        Assert.Equal(field, error.Field);
        Assert.Equal(("Région Bretagne", PublicAuthorityKind.Region, (string?)null), (authority.Name, authority.Kind, authority.DepartementCode));
    }

    [Fact]
    public void Update_ChangesNameKindAndDepartement()
    {
        var authority = Region();
        authority.Update("Lorient Agglomération", PublicAuthorityKind.Epci, "56");
        Assert.Equal(("Lorient Agglomération", PublicAuthorityKind.Epci, (string?)"56"), (authority.Name, authority.Kind, authority.DepartementCode));
    }

    [Theory]
    [InlineData("contact@bretagne.bzh", "https://www.bretagne.bzh")]
    [InlineData(" ess@bretagne.bzh ", "http://bretagne.bzh/ess")]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    public void UpdateContact_KeepsAValidAddressAndSite_OrNone(string? email, string? website)
    {
        var authority = Region();
        authority.UpdateContact(email, website);
        Assert.Equal(string.IsNullOrWhiteSpace(email) ? null : email.Trim(), authority.Email);
        Assert.Equal(string.IsNullOrWhiteSpace(website) ? null : website.Trim(), authority.Website);
    }

    [Theory]
    [InlineData("pas-une-adresse", null, nameof(PublicAuthority.Email))]
    [InlineData("a@b", null, nameof(PublicAuthority.Email))]
    [InlineData("a b@exemple.fr", null, nameof(PublicAuthority.Email))]
    [InlineData("a@@exemple.fr", null, nameof(PublicAuthority.Email))]
    [InlineData(null, "www.bretagne.bzh", nameof(PublicAuthority.Website))]
    [InlineData(null, "ftp://bretagne.bzh", nameof(PublicAuthority.Website))]
    [InlineData(null, "javascript:alert(1)", nameof(PublicAuthority.Website))]
    public void UpdateContact_WithAnInvalidValue_IsRefusedOnItsField_AndChangesNothing(string? email, string? website, string field)
    {
        var authority = Region();
        authority.UpdateContact("contact@bretagne.bzh", "https://www.bretagne.bzh");
        var error = Assert.Throws<DomainException>(() => authority.UpdateContact(email, website));
        Assert.Equal(field, error.Field);
        Assert.Equal(("contact@bretagne.bzh", "https://www.bretagne.bzh"), (authority.Email, authority.Website));
    }

    [Fact]
    public void UpdateContact_TooLong_IsRefused()
    {
        var longAddress = new string('a', PublicAuthority.EmailMaxLength) + "@exemple.fr";
        Assert.Equal(nameof(PublicAuthority.Email), Assert.Throws<DomainException>(() => Region().UpdateContact(longAddress, null)).Field);
        var longSite = "https://exemple.fr/" + new string('a', PublicAuthority.WebsiteMaxLength);
        Assert.Equal(nameof(PublicAuthority.Website), Assert.Throws<DomainException>(() => Region().UpdateContact(null, longSite)).Field);
    }

    [Fact]
    public void DeactivateThenActivate()
    {
        var authority = Region();
        authority.Deactivate();
        Assert.False(authority.IsActive);
        authority.Activate();
        Assert.True(authority.IsActive);
    }

    [Fact]
    public void EveryKind_HasAFrenchLabel()
    {
        Assert.Equal(
            ["Région", "Services de l'État", "Département", "Intercommunalité", "Autre"],
            Enum.GetValues<PublicAuthorityKind>().Select(k => k.Label()));
    }
}
