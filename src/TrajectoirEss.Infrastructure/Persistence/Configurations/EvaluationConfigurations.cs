using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrajectoirEss.Domain.Evaluation;

namespace TrajectoirEss.Infrastructure.Persistence.Configurations;

// The evaluation (issue 21). A référentiel is a document read and written as a whole — a few dozen values,
// questions, criteria and indicators, and the consultation's contributions — that never changes once adopted: each
// collection is a JSON array of its row (owned tables would come back as the product of five collections in one
// query). A campaign's declared values are rows (each changes on its own, by its organisation; one per organisation
// and indicator); its computed values, written once at the freeze, a JSON array.
// Campaigns are always read with AsSplitQuery: joined to their declared values, the computed values' JSON (a few
// tens of kB) would come back once per declared value — measured at ×10, 55–90 ms of PostgreSQL per reading page.

internal sealed class ReferentialConfiguration : IEntityTypeConfiguration<Referential>
{
    public void Configure(EntityTypeBuilder<Referential> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Title).HasMaxLength(Referential.TitleMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(r => r.DeclaredIndicators);
        builder.HasIndex(r => r.VersionNumber).IsUnique();

        // One version in force, and one in preparation, at a time.
        builder.HasIndex(r => r.Status).IsUnique().HasFilter("status = 'Adopted'").HasDatabaseName("ux_referentials_in_force");
        builder.HasIndex(r => r.Status).IsUnique().HasFilter("status IN ('Draft', 'UnderConsultation')").HasDatabaseName("ux_referentials_in_preparation");
        builder.HasOne<Referential>().WithMany().HasForeignKey(r => r.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);

        builder.ComplexProperty(r => r.Adoption, adoption =>
        {
            adoption.Property(a => a.BodyName).HasMaxLength(Referential.BodyNameMaxLength);
        });

        builder.OwnsMany(r => r.Values, values =>
        {
            values.ToJson("values");
            values.Property(v => v.Title).HasMaxLength(EvaluationValue.TitleMaxLength);
            values.Property(v => v.PublicText).HasMaxLength(EvaluationValue.PublicTextMaxLength);
        });
        builder.Navigation(r => r.Values).HasField("_values").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(r => r.Questions, questions => questions.ToJson("questions"));
        builder.Navigation(r => r.Questions).HasField("_questions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(r => r.Criteria, criteria => criteria.ToJson("criteria"));
        builder.Navigation(r => r.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(r => r.Indicators, indicators =>
        {
            indicators.ToJson("indicators");
            indicators.Ignore(i => i.Title);
            indicators.Ignore(i => i.Definition);
            indicators.OwnsOne(i => i.Terms, terms =>
            {
                terms.Property(t => t.Level).HasConversion<string>();
                terms.Property(t => t.Unit).HasConversion<string>();
                terms.Property(t => t.Direction).HasConversion<string>();
                terms.Property(t => t.Source).HasConversion<string>();
                terms.Property(t => t.Measure).HasConversion<string>();
                terms.Property(t => t.Breakdowns).HasConversion<int>();
            });
        });
        builder.Navigation(r => r.Indicators).HasField("_indicators").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(r => r.Comments, comments =>
        {
            comments.ToJson("consultation");
            comments.Property(c => c.Organisation).HasConversion(CoordinationColumns.Organisation);
            comments.Property(c => c.Outcome).HasConversion<string>();
            comments.OwnsOne(c => c.Target, target => target.Property(t => t.Kind).HasConversion<string>());
        });
        builder.Navigation(r => r.Comments).HasField("_comments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsRowVersion();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Referential>().WithMany().HasForeignKey(c => c.ReferentialId).OnDelete(DeleteBehavior.Restrict);

        // One campaign a year.
        builder.HasIndex(c => c.Year).IsUnique();
        builder.PrimitiveCollection(c => c.Organisations)
            .HasField("_organisations")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .ElementType(e => e.HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength));

        builder.OwnsMany(c => c.Values, values =>
        {
            values.ToTable("campaign_declared_values");
            values.WithOwner().HasForeignKey("CampaignId");
            values.HasKey(v => v.Id);
            values.Property(v => v.Id).ValueGeneratedNever();
            values.Property(v => v.Organisation).HasConversion(CoordinationColumns.Organisation).HasMaxLength(CoordinationColumns.OrganisationMaxLength);
            values.Property(v => v.Status).HasConversion<string>().HasMaxLength(30);
            values.Property(v => v.Value).HasPrecision(18, 4);
            values.Property(v => v.Comment).HasMaxLength(Campaign.CommentMaxLength);
            values.Property(v => v.ReturnComment).HasMaxLength(Campaign.CommentMaxLength);
            values.HasIndex("CampaignId", nameof(DeclaredValue.Organisation), nameof(DeclaredValue.IndicatorId)).IsUnique();
        });
        builder.Navigation(c => c.Values).HasField("_values").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(c => c.ComputedValues, computed =>
        {
            computed.ToJson("computed_values");
            computed.Ignore(v => v.IsMasked);
        });
        builder.Navigation(c => c.ComputedValues).HasField("_computed").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The last day each organisation was reminded: a small JSON list, read and written with the campaign.
        builder.OwnsMany(c => c.Reminders, reminders =>
        {
            reminders.ToJson("reminders");
            reminders.Property(r => r.Organisation).HasConversion(CoordinationColumns.Organisation);
        });
        builder.Navigation(c => c.Reminders).HasField("_reminders").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

// A campaign's shared reading: one per campaign, its findings (each with its interpretations and recommendations)
// a JSON document read and written as a whole, like a référentiel's elements.
internal sealed class EvaluationReadingConfiguration : IEntityTypeConfiguration<EvaluationReading>
{
    public void Configure(EntityTypeBuilder<EvaluationReading> builder)
    {
        builder.ToTable("evaluation_readings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsRowVersion();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Summary).HasMaxLength(EvaluationReading.SummaryMaxLength);
        builder.HasIndex(r => r.CampaignId).IsUnique();
        builder.HasIndex(r => r.SessionId);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referential>().WithMany().HasForeignKey(r => r.ReferentialId).OnDelete(DeleteBehavior.Restrict);
        builder.PrimitiveCollection(r => r.KeyIndicatorIds).HasField("_keyIndicators").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(r => r.Findings, findings =>
        {
            findings.ToJson("findings");
            findings.Property(f => f.Agreement).HasConversion<string>();
            findings.OwnsMany(f => f.Interpretations, interpretations =>
            {
                interpretations.Property(i => i.ProposedBy).HasConversion(CoordinationColumns.Organisation);
            });
            findings.Navigation(f => f.Interpretations).HasField("_interpretations").UsePropertyAccessMode(PropertyAccessMode.Field);
            findings.OwnsMany(f => f.Recommendations);
            findings.Navigation(f => f.Recommendations).HasField("_recommendations").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(r => r.Findings).HasField("_findings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
