using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using static TrajectoirEss.Domain.Tests.Coordination.CoordinationFixtures;

namespace TrajectoirEss.Domain.Tests.Coordination;

/// <summary>A body's memberships and representatives.</summary>
public sealed class BodyTests
{
    private static readonly DateOnly Jan2025 = new(2025, 1, 1);

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Create_WithoutAName_IsRefusedOnTheName(string? name) =>
        Assert.Equal(nameof(Body.Name), Assert.Throws<DomainException>(() => Body.Create(Guid.CreateVersion7(), BodyKind.ThematicGroup, name, Staff, T0)).Field);

    public static TheoryData<string, bool> Dates() => new()
    {
        { "2024-12-31", true },
        { "2025-01-01", false },
        { "2025-12-31", false },
        { "2026-01-01", true },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void IsMemberOn_HoldsFromTheStartToTheEnd_BothIncluded(string date, bool outside)
    {
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.SteeringCommittee, "Comité de pilotage", Staff, T0);
        body.AddMember(Tag, College.EssActors, Jan2025, new DateOnly(2025, 12, 31), Staff, T0);
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(!outside, body.IsMemberOn(Tag, on));
        Assert.Equal(outside ? 0 : 1, body.MembersOn(on).Count);
    }

    [Fact]
    public void MembersOn_ListsTheMembershipsOfTheDate_ByCollege()
    {
        var body = Platform();

        Assert.Equal([College.EssActors, College.Poles, College.PublicAuthorities, College.Networks], body.MembersOn(SessionDate).Select(m => m.College));
        Assert.Contains(body.MembersOn(new DateOnly(2025, 6, 1)), m => m.Organisation == Former);
        Assert.Contains(body.MembersOn(new DateOnly(2026, 6, 1)), m => m.Organisation == Newcomer);
    }

    public static TheoryData<string, string?, bool> Periods() => new()
    {
        // The TAg is a member from 2025-01-01 to 2025-12-31.
        { "2026-01-01", null, true },
        { "2024-01-01", "2024-12-31", true },
        { "2025-12-31", null, false },
        { "2024-01-01", "2025-01-01", false },
        { "2024-01-01", null, false },
        { "2025-03-01", "2025-04-01", false },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void AddMember_AtMostOnceAtATime(string from, string? to, bool allowed)
    {
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.Platform, "Plateforme", Staff, T0);
        body.AddMember(Tag, College.EssActors, Jan2025, new DateOnly(2025, 12, 31), Staff, T0);
        var start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        DateOnly? end = to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);

        if (allowed)
        {
            body.AddMember(Tag, College.Networks, start, end, Staff, T0);
            Assert.Equal(2, body.Memberships.Count);
        }
        else
        {
            Assert.Throws<DomainException>(() => body.AddMember(Tag, College.EssActors, start, end, Staff, T0));
            Assert.Single(body.Memberships);
        }
    }

    public static TheoryData<OrganisationKind, College, bool> Seats() => new()
    {
        { OrganisationKind.PublicAuthority, College.PublicAuthorities, true },
        { OrganisationKind.PublicAuthority, College.EssActors, false },
        { OrganisationKind.Pole, College.PublicAuthorities, false },
        { OrganisationKind.Pole, College.Poles, true },
        { OrganisationKind.Pole, College.EssActors, true },
        { OrganisationKind.Structure, College.Networks, true },
        { OrganisationKind.Network, College.Networks, true },
        { OrganisationKind.Network, (College)0, false },
    };

    [Theory]
    [MemberData(nameof(Seats))]
    public void AddMember_PublicAuthoritiesSitInTheirCollegeAndNobodyElse(OrganisationKind kind, College college, bool allowed)
    {
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.Platform, "Plateforme", Staff, T0);
        var organisation = new OrganisationRef(kind, Guid.CreateVersion7());

        if (allowed)
        {
            Assert.Equal(college, body.AddMember(organisation, college, Jan2025, null, Staff, T0).College);
        }
        else
        {
            Assert.Equal(nameof(Membership.College), Assert.Throws<DomainException>(() => body.AddMember(organisation, college, Jan2025, null, Staff, T0)).Field);
            Assert.Empty(body.Memberships);
        }
    }

    [Fact]
    public void AddMember_EndingBeforeItStarts_OrWithoutAnOrganisation_OrOutOfBounds_IsRefused()
    {
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.Platform, "Plateforme", Staff, T0);

        Assert.Equal("To", Assert.Throws<DomainException>(() => body.AddMember(Tag, College.EssActors, Jan2025, Jan2025.AddDays(-1), Staff, T0)).Field);
        Assert.Equal(nameof(Membership.Organisation), Assert.Throws<DomainException>(() => body.AddMember(null, College.EssActors, Jan2025, null, Staff, T0)).Field);
        Assert.Equal(nameof(Membership.Organisation), Assert.Throws<DomainException>(() => body.AddMember(new OrganisationRef(OrganisationKind.Pole, Guid.Empty), College.Poles, Jan2025, null, Staff, T0)).Field);
        Assert.Equal("From", Assert.Throws<DomainException>(() => body.AddMember(Tag, College.EssActors, DateOnly.MinValue, null, Staff, T0)).Field);
        Assert.Empty(body.Memberships);

        body.AddMember(Tag, College.EssActors, Jan2025, Jan2025, Staff, T0);
        Assert.True(body.IsMemberOn(Tag, Jan2025));
    }

    [Fact]
    public void EndMembership_EndsItsRepresentations_AndCannotReachALaterMembership()
    {
        var body = Body.Create(Guid.CreateVersion7(), BodyKind.Platform, "Plateforme", Staff, T0);
        var first = body.AddMember(Tag, College.EssActors, Jan2025, null, Staff, new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero));
        var person = body.NameRepresentative(first.Id, Guid.CreateVersion7(), "Titulaire", Jan2025, null, Staff, new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero));

        body.EndMembership(first.Id, new DateOnly(2025, 6, 30), Staff, T0);
        Assert.Equal(new DateOnly(2025, 6, 30), person.To);

        body.AddMember(Tag, College.EssActors, new DateOnly(2025, 9, 1), null, Staff, T0);
        Assert.Throws<DomainException>(() => body.EndMembership(first.Id, new DateOnly(2025, 10, 1), Staff, T0));
        Assert.Equal(new DateOnly(2025, 6, 30), first.To);
    }

    [Fact]
    public void NameRepresentative_OfACurrentMembership_WithinItsPeriod_OnceAtATime()
    {
        var body = Platform();
        var membership = body.MembershipOn(Region, SessionDate)!;
        var person = Guid.CreateVersion7();

        var named = body.NameRepresentative(membership.Id, person, " Vice-présidente ESS ", new DateOnly(2026, 1, 1), null, Staff, T0);

        Assert.Equal("Vice-présidente ESS", named.Role);
        Assert.Same(named, Assert.Single(membership.RepresentativesOn(SessionDate)));
        Assert.Equal(nameof(Representative.UserId), Assert.Throws<DomainException>(() => body.NameRepresentative(membership.Id, person, "Suppléante", new DateOnly(2026, 2, 1), null, Staff, T0)).Field);
        Assert.Single(membership.Representatives);
    }

    [Fact]
    public void NameRepresentative_OfAnEndedMembership_OrOutsideIt_OrWithoutARole_IsRefused()
    {
        var body = Platform();
        var ended = body.MembershipOn(Former, new DateOnly(2025, 6, 1))!;
        var future = body.MembershipOn(Newcomer, new DateOnly(2026, 6, 1))!;
        body.EndMembership(future.Id, new DateOnly(2026, 12, 31), Staff, T0);

        Assert.Throws<DomainException>(() => body.NameRepresentative(ended.Id, Guid.CreateVersion7(), "Titulaire", new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 1), Staff, T0));
        Assert.Equal(nameof(Representative.From), Assert.Throws<DomainException>(() => body.NameRepresentative(future.Id, Guid.CreateVersion7(), "Titulaire", new DateOnly(2026, 5, 1), null, Staff, T0)).Field);
        Assert.Equal(nameof(Representative.From), Assert.Throws<DomainException>(() => body.NameRepresentative(future.Id, Guid.CreateVersion7(), "Titulaire", new DateOnly(2026, 6, 1), null, Staff, T0)).Field);
        Assert.Equal(nameof(Representative.Role), Assert.Throws<DomainException>(() => body.NameRepresentative(future.Id, Guid.CreateVersion7(), " ", new DateOnly(2026, 6, 1), null, Staff, T0)).Field);
        Assert.Throws<DomainException>(() => body.NameRepresentative(Guid.CreateVersion7(), Guid.CreateVersion7(), "Titulaire", new DateOnly(2026, 6, 1), null, Staff, T0));
        Assert.Empty(ended.Representatives);
        Assert.Empty(future.Representatives);

        body.NameRepresentative(future.Id, Guid.CreateVersion7(), "Titulaire", new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 31), Staff, T0);
        Assert.Single(future.Representatives);
    }
}
