using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Common;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Features.Platform;
using TrajectoirEss.Web.Features.Shared;
using TrajectoirEss.Web.Startup;

namespace TrajectoirEss.Web.Features.Evaluation.Declarations;

/// <summary>An organisation's value of a declared indicator, as its form gives it (the field names are the domain's: <see cref="DeclaredValue"/>).</summary>
public sealed class DeclarationInput
{
    /// <summary>A number as people type it ("58", "58,5", "1 200"); read by <see cref="Declarations.ParseNumber"/>.</summary>
    [Display(Name = "Valeur")]
    public string? Value { get; set; }

    /// <summary>The comment; the text itself for a qualitative indicator.</summary>
    [Display(Name = "Commentaire")]
    public string? Comment { get; set; }
}

/// <summary>A declared indicator of the campaign's frame, with the organisation's value (none yet: null) and what it may do with it.</summary>
public sealed record DeclarationLine(EvaluationIndicator Indicator, string Criterion, DeclaredValue? Value, bool CanEnter, bool CanSubmit);

/// <summary>An open campaign asking the organisation, with its declared indicators.</summary>
public sealed record CampaignDeclarations(Guid CampaignId, int Year, DateOnly Deadline, IReadOnlyList<DeclarationLine> Lines)
{
    public bool CanSubmitAll => Lines.Any(l => l.CanSubmit);
}

/// <summary>The declarations page of an organisation: the open campaigns asking it (none: an empty state).</summary>
public sealed class DeclarationsPage
{
    /// <summary>The organisation's name; null when the person speaks for none (coordinators, administrators).</summary>
    public string? Organisation { get; init; }

    public required IReadOnlyList<CampaignDeclarations> Campaigns { get; init; }

    /// <summary>The form refused (its messages and what was typed are shown in it, the others show what is stored).</summary>
    public Guid? PostedCampaignId { get; init; }

    public Guid? PostedIndicatorId { get; init; }

    public bool IsPosted(Guid campaignId, Guid indicatorId) => PostedCampaignId == campaignId && PostedIndicatorId == indicatorId;
}

/// <summary>A campaign asking the organisation, for the link of the members' space.</summary>
public sealed record AskingCampaign(int Year, DateOnly Deadline);

/// <summary>
/// The organisations' side of a campaign (issue 21): each pôle or structure asked enters its values of the frame's
/// declared indicators, corrects them, and submits them to the coordination. An organisation reaches only its own
/// values: a campaign that does not ask it, an indicator that is not declared, or a person who speaks for no
/// organisation, is "not found". The rules are the campaign's (<see cref="Campaign.Declare"/>).
/// </summary>
public sealed class Declarations(TrajectoirEssDbContext db, UnitOfWork unitOfWork, PlatformDirectory directory, TimeProvider clock)
{
    public async Task<DeclarationsPage> PageAsync(ClaimsPrincipal user, Guid? postedCampaignId, Guid? postedIndicatorId, CancellationToken cancellationToken)
    {
        if (PlatformDirectory.OrganisationOf(user) is not { } organisation)
        {
            return new DeclarationsPage { Campaigns = [] };
        }

        var names = await directory.NamesAsync([organisation], cancellationToken);
        var campaigns = await OpenAskingAsync(organisation, cancellationToken);
        var referentialIds = campaigns.Select(c => c.ReferentialId).Distinct().ToList();
        var referentials = await db.Referentials.AsNoTracking().Where(r => referentialIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        return new DeclarationsPage
        {
            Organisation = names[organisation],
            Campaigns = [.. campaigns.Select(c => Lines(c, referentials[c.ReferentialId], organisation))],
            PostedCampaignId = postedCampaignId,
            PostedIndicatorId = postedIndicatorId,
        };
    }

    /// <summary>The open campaigns asking the person's organisation (for the members' space).</summary>
    public async Task<IReadOnlyList<AskingCampaign>> AskingAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        PlatformDirectory.OrganisationOf(user) is { } organisation
            ? [.. (await OpenAskingAsync(organisation, cancellationToken)).Select(c => new AskingCampaign(c.Year, c.Deadline))]
            : [];

    /// <summary>Enters or corrects the organisation's value; false when the campaign or the indicator is not the organisation's to declare.</summary>
    public async Task<bool> DeclareAsync(ClaimsPrincipal user, Guid campaignId, Guid indicatorId, DeclarationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await LoadAsync(user, campaignId, indicatorId, cancellationToken) is not { } loaded)
        {
            return false;
        }

        var (campaign, referential, organisation) = loaded;

        var indicator = referential.Indicator(indicatorId);
        var value = indicator.Terms.Source.IsQuantitative() ? ParseNumber(input.Value, nameof(DeclaredValue.Value)) : null;
        campaign.Declare(referential, organisation, indicatorId, value, input.Comment, user.GetUserId(), clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>Submits one value to the coordination; false when it is not the organisation's.</summary>
    public async Task<bool> SubmitAsync(ClaimsPrincipal user, Guid campaignId, Guid indicatorId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(user, campaignId, indicatorId, cancellationToken) is not { } loaded)
        {
            return false;
        }

        var (campaign, _, organisation) = loaded;

        campaign.Submit(organisation, indicatorId, user.GetUserId(), clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        return true;
    }

    /// <summary>"Transmettre à la coordination": every value entered or corrected; null when the campaign does not ask the organisation, else how many.</summary>
    public async Task<int?> SubmitAllAsync(ClaimsPrincipal user, Guid campaignId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(user, campaignId, null, cancellationToken) is not { } loaded)
        {
            return null;
        }

        var (campaign, _, organisation) = loaded;

        var count = campaign.SubmitAll(organisation, user.GetUserId(), clock.GetUtcNow());
        await unitOfWork.SaveAsync(cancellationToken);
        return count;
    }

    /// <summary>A number as people type it: "58", "58,5", "58.5", "1 200"; empty is none (the campaign then asks for it); anything else is refused on the field.</summary>
    public static decimal? ParseNumber(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '%' && c != '€')]).Replace(',', '.');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException("Saisissez un nombre, par exemple 58 ou 58,5.", field);
    }

    private static CampaignDeclarations Lines(Campaign campaign, Referential referential, OrganisationRef organisation)
    {
        var criteria = referential.Criteria.ToDictionary(c => c.Id, c => c.Text);
        return new CampaignDeclarations(
            campaign.Id,
            campaign.Year,
            campaign.Deadline,
            [
                .. referential.DeclaredIndicators.OrderBy(i => i.Position).Select(i =>
                {
                    var value = campaign.Value(organisation, i.Id);
                    return new DeclarationLine(
                        i,
                        criteria.GetValueOrDefault(i.CriterionId, string.Empty),
                        value,
                        Campaign.CanApply(value?.Status, DeclaredValueAction.Enter),
                        value is not null && Campaign.CanApply(value.Status, DeclaredValueAction.Submit));
                }),
            ]);
    }

    private async Task<List<Campaign>> OpenAskingAsync(OrganisationRef organisation, CancellationToken cancellationToken)
    {
        var open = await db.Campaigns.AsNoTracking().AsSplitQuery().Where(c => c.Status == CampaignStatus.Open).OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        return [.. open.Where(c => c.Organisations.Contains(organisation))];
    }

    /// <summary>The campaign (tracked) when it asks the person's organisation and, if given, the indicator is one it declares.</summary>
    private async Task<(Campaign Campaign, Referential Referential, OrganisationRef Organisation)?> LoadAsync(ClaimsPrincipal user, Guid campaignId, Guid? indicatorId, CancellationToken cancellationToken)
    {
        if (PlatformDirectory.OrganisationOf(user) is not { } organisation)
        {
            return null;
        }

        var campaign = await db.Campaigns.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null || !campaign.Organisations.Contains(organisation))
        {
            return null;
        }

        var referential = await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == campaign.ReferentialId, cancellationToken);
        return indicatorId is { } id && referential.DeclaredIndicators.All(i => i.Id != id) ? null : (campaign, referential, organisation);
    }
}
