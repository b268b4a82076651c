using Microsoft.EntityFrameworkCore;
using TrajectoirEss.Domain.Coordination;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Domain.Indicators;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The evaluation's aggregates (issue 21) as the database keeps them: every field back, one version in force, one campaign a year.</summary>
public sealed class EvaluationPersistenceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Coordinator = Guid.CreateVersion7();
    private static readonly OrganisationRef Pole = new(OrganisationKind.Pole, Guid.CreateVersion7());
    private static readonly OrganisationRef Region = new(OrganisationKind.PublicAuthority, Guid.CreateVersion7());

    private static Referential AdoptedFrame(int version = 1)
    {
        var referential = Referential.Draft(Guid.CreateVersion7(), $"Référentiel {version}", Coordinator, Now);
        var value = referential.AddValue("Ancrage territorial", "Le programme est présent dans chaque territoire.", Now);
        var question = referential.AddQuestion("Les territoires ruraux sont-ils touchés ?", "Renforcer l'accueil itinérant", Now);
        var criterion = referential.AddCriterion(value.Id, question.Id, "Les porteurs ruraux sont accueillis", Now);
        referential.AddIndicator(criterion.Id, new IndicatorTerms("Porteurs ruraux (%)", IndicatorLevel.Impact, MeasureUnit.Percent, IndicatorDirection.HigherIsBetter, IndicatorSource.Computed, MeasureCode.RuralPorteursShare, 18.5m, 25, Breakdowns.Year | Breakdowns.Departement), Now);
        referential.AddIndicator(criterion.Id, new IndicatorTerms("Permanences rurales", IndicatorLevel.Realisation, MeasureUnit.Count, IndicatorDirection.HigherIsBetter, IndicatorSource.Declared, null, null, 30, Breakdowns.Pole), Now);
        referential.OpenConsultation(Coordinator, Now.AddDays(1));
        var comment = referential.Comment(new CommentTarget(CommentTargetKind.Criterion, criterion.Id), "Définir « rural »", Pole, Guid.CreateVersion7(), Now.AddDays(2));
        referential.AnswerComment(comment.Id, CommentOutcome.Changed, "Moins de 2 000 habitants", Coordinator, Now.AddDays(3));
        referential.Adopt(new DateOnly(2026, 3, 10), null, "Plateforme de coordination", null, Coordinator, Now.AddDays(8));
        return referential;
    }

    private async Task SaveAsync(params object[] aggregates) =>
        await portal.WithDbAsync(async db =>
        {
            db.AddRange(aggregates);
            db.DiscardDomainEvents();
            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task Referential_AndItsCampaign_RoundTrip_EveryField()
    {
        var referential = AdoptedFrame();
        var campaign = Campaign.Open(Guid.CreateVersion7(), referential, 2025, new DateOnly(2026, 4, 30), [Pole, Region], Coordinator, Now.AddDays(9));
        var declared = referential.DeclaredIndicators.Single().Id;
        campaign.Declare(referential, Pole, declared, 12, "Trois communes", Guid.CreateVersion7(), Now.AddDays(10));
        campaign.Submit(Pole, declared, Guid.CreateVersion7(), Now.AddDays(10));
        campaign.Return(campaign.Value(Pole, declared)!.Id, "Compter les permanences, pas les communes", Coordinator, Now.AddDays(11));
        var computed = referential.Indicators.Single(i => i.Terms.Source == IndicatorSource.Computed).Id;
        campaign.Freeze(referential, [ComputedValue.Of(computed, ComputedValue.Total, Figure.Of(21.4m, 240, 51)), ComputedValue.Of(computed, "departement:22", Figure.Of(9m, 2))], Coordinator, Now.AddDays(40));
        await SaveAsync(referential, campaign);

        var (frame, loadedCampaign) = await portal.WithDbAsync(async db =>
            (await db.Referentials.AsNoTracking().SingleAsync(r => r.Id == referential.Id), await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaign.Id)));

        Assert.Equal((ReferentialStatus.Adopted, 1, "Référentiel 1"), (frame.Status, frame.VersionNumber, frame.Title));
        Assert.Equal(referential.Adoption, frame.Adoption);
        Assert.Equal(referential.Values.Select(v => (v.Id, v.Title, v.PublicText, v.Position)), frame.Values.Select(v => (v.Id, v.Title, v.PublicText, v.Position)));
        Assert.Equal(referential.Questions.Select(q => (q.Id, q.Text, q.DecisionServed)), frame.Questions.Select(q => (q.Id, q.Text, q.DecisionServed)));
        Assert.Equal(referential.Criteria.Select(c => (c.Id, c.ValueId, c.QuestionId, c.Text)), frame.Criteria.Select(c => (c.Id, c.ValueId, c.QuestionId, c.Text)));
        Assert.Equal(referential.Indicators.Select(i => (i.Id, i.CriterionId, i.Terms)), frame.Indicators.Select(i => (i.Id, i.CriterionId, i.Terms)));
        Assert.Equal(
            referential.Comments.Select(c => (c.Id, c.Target, c.Text, c.Organisation, c.PostedAt, c.Outcome, c.AnswerText, c.AnsweredAt)),
            frame.Comments.Select(c => (c.Id, c.Target, c.Text, c.Organisation, c.PostedAt, c.Outcome, c.AnswerText, c.AnsweredAt)));

        Assert.Equal((CampaignStatus.Frozen, 2025, new DateOnly(2026, 4, 30)), (loadedCampaign.Status, loadedCampaign.Year, loadedCampaign.Deadline));
        Assert.Equal([Pole, Region], loadedCampaign.Organisations);
        var value = Assert.Single(loadedCampaign.Values);
        Assert.Equal((DeclaredValueStatus.Returned, 12m, "Trois communes", "Compter les permanences, pas les communes"), (value.Status, value.Value, value.Comment, value.ReturnComment));
        Assert.Equal(campaign.ComputedValues, loadedCampaign.ComputedValues);
        Assert.Null(loadedCampaign.ComputedValues.Single(v => v.Cell == "departement:22").Value);
        Assert.Equal(Figure.SecretText, loadedCampaign.ComputedValues.Single(v => v.Cell == "departement:22").MaskedText);
    }

    [Fact]
    public async Task TheDatabase_KeepsOneVersionInForce_AndOneCampaignAYear()
    {
        await portal.WithDbAsync(async db =>
        {
            await db.Campaigns.ExecuteDeleteAsync();
            return await db.Referentials.ExecuteDeleteAsync();
        });
        var first = AdoptedFrame(1);
        await SaveAsync(first);

        // A second version adopted without replacing the first: refused by the database itself.
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(AdoptedFrame(2)));

        var campaign = Campaign.Open(Guid.CreateVersion7(), first, 2025, new DateOnly(2026, 4, 30), [Pole], Coordinator, Now.AddDays(9));
        await SaveAsync(campaign);
        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(Campaign.Open(Guid.CreateVersion7(), first, 2025, new DateOnly(2026, 5, 30), [Pole], Coordinator, Now.AddDays(9))));
    }
}
