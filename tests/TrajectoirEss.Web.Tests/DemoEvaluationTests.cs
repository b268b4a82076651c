using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrajectoirEss.Domain.Evaluation;
using TrajectoirEss.Infrastructure.Demo;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>The demo's first référentiel (issue 21): the size the issue asks for, adopted after an answered consultation.</summary>
public sealed class DemoEvaluationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task FirstReferential_IsAdopted_WithItsValuesQuestionsCriteriaAndIndicators_MostComputed()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<DemoEvaluation>().CreateReferentialAsync();
        }

        var referential = await portal.WithDbAsync(db => db.Referentials.AsNoTracking().SingleAsync());

        Assert.Equal((ReferentialStatus.Adopted, 5, 8, 15, 30), (referential.Status, referential.Values.Count, referential.Questions.Count, referential.Criteria.Count, referential.Indicators.Count));
        Assert.True(referential.Indicators.Count(i => i.Terms.Source == IndicatorSource.Computed) >= 20);
        Assert.Equal(8, referential.DeclaredIndicators.Count);
        Assert.Equal(Enum.GetValues<IndicatorLevel>().Order(), referential.Indicators.Select(i => i.Terms.Level).Distinct().Order());
        Assert.Equal(DemoEvaluation.AdoptedOn, referential.Adoption!.AdoptedOn);
        Assert.All(referential.Questions, q => Assert.Contains(referential.Criteria, c => c.QuestionId == q.Id));
        Assert.All(referential.Values, v => Assert.Contains(referential.Criteria, c => c.ValueId == v.Id));
        Assert.NotEmpty(referential.Comments);
        Assert.All(referential.Comments, c => Assert.NotNull(c.Outcome));
        Assert.Contains(referential.Comments, c => c.Outcome == CommentOutcome.Declined);
    }
}
