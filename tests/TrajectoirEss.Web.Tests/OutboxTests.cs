using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TrajectoirEss.Domain;
using TrajectoirEss.Infrastructure.Email;
using TrajectoirEss.Infrastructure.Persistence;
using TrajectoirEss.Web.Tests.Infrastructure;

namespace TrajectoirEss.Web.Tests;

/// <summary>
/// The outbox with the pickup folder: written in the change's transaction, delivered once by any number of
/// instances, kept across a restart, woken at once by this instance's saves, old messages deleted.
/// </summary>
public sealed class OutboxTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static OutgoingEmail Email(string to, string subject) => new(to, "Nolwenn Guégan", subject, "Bonjour", "<p>Bonjour</p>");

    private static List<MimeMessage> Files(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, "*.eml").Select(path => MimeMessage.Load(path)).ToList() : [];

    [Fact]
    public async Task AMessageAdded_IsWrittenWithTheChangeItAnnounces_OrNotAtAll()
    {
        var user = await portal.CreateUserAsync($"atomique-{Guid.NewGuid():N}@exemple.test", Roles.Porteur);
        var rolledBack = "Annulé " + Guid.NewGuid().ToString("N");
        var committed = "Validé " + Guid.NewGuid().ToString("N");

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            var account = await db.Users.SingleAsync(u => u.Id == user.Id);

            // Added but never saved: nothing.
            outbox.Add(Email(user.Email!, "Jamais enregistré"));
            db.ChangeTracker.Clear();

            // Saved in a transaction that rolls back: neither the change nor the message.
            account = await db.Users.SingleAsync(u => u.Id == user.Id);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                account.DisplayName = rolledBack;
                outbox.Add(Email(user.Email!, rolledBack));
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            account = await db.Users.SingleAsync(u => u.Id == user.Id);
            account.DisplayName = committed;
            outbox.Add(Email(user.Email!, committed));
            await db.SaveChangesAsync();
        }

        var subjects = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress == user.Email).Select(m => m.Subject).ToListAsync());
        Assert.Equal(new[] { committed }, subjects);
        Assert.Equal(committed, await portal.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task TwoInstances_DispatchingAtOnce_DeliverEachMessageExactlyOnce()
    {
        const int count = 60;
        var tag = Guid.NewGuid().ToString("N")[..8];
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            for (var i = 0; i < count; i++)
            {
                outbox.Add(Email($"lot-{tag}-{i}@exemple.test", $"Lot {tag} n° {i}"));
            }

            await scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>().SaveChangesAsync();
        }

        await using var other = portal.AnotherInstance();
        try
        {
            // Both instances started first, then two dispatchers on each, all at once.
            _ = portal.Services;
            _ = other.Services;
            var delivered = await Task.WhenAll(portal.DeliverOutboxAsync(), other.DeliverOutboxAsync(), portal.DeliverOutboxAsync(), other.DeliverOutboxAsync());

            var files = Files(portal.MailDirectory).Concat(Files(other.MailDirectory)).Where(m => m.Subject?.StartsWith($"Lot {tag} ", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(count, files.Count);
            Assert.Equal(count, files.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(count, files.Select(m => m.Subject).Distinct().Count());
            Assert.True(delivered.Sum() >= count, $"{delivered.Sum()} delivered ({string.Join(", ", delivered)})");
            var rows = await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Subject.StartsWith($"Lot {tag} ")).ToListAsync());
            Assert.All(rows, m => Assert.Equal((1, true), (m.Attempts, m.SentAt is not null)));
        }
        finally
        {
            if (Directory.Exists(other.MailDirectory))
            {
                Directory.Delete(other.MailDirectory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ARound_SkipsTheMessagesAnotherDispatcherHolds_InsteadOfWaitingForThem()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        Guid held;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            held = outbox.Add(Email($"tenu-{tag}@exemple.test", $"Tenu {tag}")).Id;
            outbox.Add(Email($"libre-{tag}@exemple.test", $"Libre {tag}"));
            await scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>().SaveChangesAsync();
        }

        // Another instance's round, in the middle of handing this message over.
        await using (var other = new Npgsql.NpgsqlConnection(portal.ConnectionString))
        {
            await other.OpenAsync();
            await using var transaction = await other.BeginTransactionAsync();
            await using (var claim = new Npgsql.NpgsqlCommand("SELECT id FROM outbox_messages WHERE id = @id FOR UPDATE", other, transaction))
            {
                claim.Parameters.AddWithValue("id", held);
                await claim.ExecuteScalarAsync();
            }

            var round = portal.DeliverOutboxAsync();
            Assert.Same(round, await Task.WhenAny(round, Task.Delay(TimeSpan.FromSeconds(20))));
            Assert.Contains(portal.Emails(), m => m.Subject == $"Libre {tag}");
            Assert.DoesNotContain(Files(portal.MailDirectory), m => m.Subject == $"Tenu {tag}");
            await transaction.RollbackAsync();
        }

        Assert.Contains(portal.Emails(), m => m.Subject == $"Tenu {tag}");
    }

    [Fact]
    public async Task AMessageWritten_BeforeTheAppStops_IsDeliveredByTheNextStart()
    {
        var email = $"redemarrage-{Guid.NewGuid():N}@exemple.test";
        await portal.CreateUserAsync(email, Roles.Porteur);
        await using (var first = portal.AnotherInstance())
        {
            using var client = first.CreateHtmlClient();
            using var response = await client.SubmitAsync((await client.GetDocumentAsync("/compte/mot-de-passe-oublie")).Form(), new() { ["Adresse électronique"] = email });
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(Files(first.MailDirectory));
        }

        await using var restarted = portal.AnotherInstance();
        try
        {
            var message = Assert.Single(restarted.Emails(), m => m.To.Mailboxes.Single().Address == email);
            Assert.Equal("Choisir un nouveau mot de passe", message.Subject);
        }
        finally
        {
            if (Directory.Exists(restarted.MailDirectory))
            {
                Directory.Delete(restarted.MailDirectory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task OldMessages_AreDeleted_SentAfterKeepSentDays_GivenUpAfterKeepFailedDays_WaitingNever()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var ids = new Dictionary<string, Guid>();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            foreach (var name in new[] { "sent-8-days", "sent-6-days", "given-up-31-days", "given-up-29-days", "waiting-40-days" })
            {
                ids[name] = outbox.Add(Email($"{name}-{tag}@exemple.test", name)).Id;
            }

            await scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>().SaveChangesAsync();
        }

        await portal.WithDbAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.Id == ids["sent-8-days"]).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now.AddDays(-8)));
            await db.OutboxMessages.Where(m => m.Id == ids["sent-6-days"]).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now.AddDays(-6)));
            await db.OutboxMessages.Where(m => m.Id == ids["given-up-31-days"]).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, now.AddDays(-31)));
            await db.OutboxMessages.Where(m => m.Id == ids["given-up-29-days"]).ExecuteUpdateAsync(s => s.SetProperty(m => m.FailedAt, now.AddDays(-29)));
            return await db.OutboxMessages.Where(m => m.Id == ids["waiting-40-days"]).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, now.AddDays(-40)).SetProperty(m => m.NextAttemptAt, now.AddDays(40)));
        });

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().PurgeAsync() >= 2);
        }

        var all = ids.Values.ToList();
        var left = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => all.Contains(m.Id)).Select(m => m.Subject).ToListAsync());
        Assert.Equal(new[] { "given-up-29-days", "sent-6-days", "waiting-40-days" }, left.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheBackgroundService_DeliversAtOnce_WhatThisInstanceWrites_EvenInsideATransaction()
    {
        var live = new LiveOutboxPortal();
        await live.InitializeAsync();
        try
        {
            await using (var scope = live.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IMailer>().SendAsync(Email("direct@exemple.test", "Sans transaction"));
            }

            Assert.Equal("Sans transaction", (await live.WaitForEmailAsync("direct@exemple.test")).Subject);

            await using (var scope = live.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                scope.ServiceProvider.GetRequiredService<EmailOutbox>().Add(Email("transaction@exemple.test", "Dans une transaction"));
                await db.SaveChangesAsync();
                await Task.Delay(300);
                Assert.DoesNotContain(Files(live.MailDirectory), m => m.Subject == "Dans une transaction");
                await transaction.CommitAsync();
            }

            Assert.Equal("Dans une transaction", (await live.WaitForEmailAsync("transaction@exemple.test")).Subject);
        }
        finally
        {
            await ((IAsyncLifetime)live).DisposeAsync();
        }
    }

    [Fact]
    public async Task ForgettingAPerson_RemovesTheirMessages_AndTheInvitationsTheySent_NothingElse()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var person = $"Efface-{tag}@Exemple.test";
        var invited = $"invite-{tag}@exemple.test";
        var other = $"autre-{tag}@exemple.test";
        const string name = "Maëlys Kerhervé";
        OutgoingEmail Invitation(string to) => new(to, to, "Invitation à rejoindre un projet", $"Bonjour,\n\n{name} vous invite à rejoindre le projet.", "<p>…</p>");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            outbox.Add(Email(person, "Déjà envoyé à la personne"));
            outbox.Add(Invitation(invited));
            await scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>().SaveChangesAsync();
        }

        await portal.DeliverOutboxAsync();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<EmailOutbox>();
            outbox.Add(Email(person.ToLowerInvariant(), "En attente pour la personne"));
            outbox.Add(Invitation(invited));
            outbox.Add(Email(invited, "Sans rapport, pour la personne invitée"));
            outbox.Add(Invitation(other));
            var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
            await db.SaveChangesAsync();

            Assert.Equal(4, await outbox.ForgetAsync(person, name, [invited]));
            await db.SaveChangesAsync();
        }

        var left = await portal.WithDbAsync(db => db.OutboxMessages.Where(m => m.ToAddress.EndsWith(tag + "@exemple.test") || m.ToAddress == person).Select(m => m.ToAddress + " " + m.Subject).ToListAsync());
        Assert.Equal(new[] { $"{other} Invitation à rejoindre un projet", $"{invited} Sans rapport, pour la personne invitée" }, left.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Email:MaxAttempts", "0")]
    [InlineData("Email:OutboxPollSeconds", "0")]
    [InlineData("Email:SmtpTimeoutSeconds", "1000")]
    [InlineData("Email:KeepSentDays", "0")]
    public async Task AnInvalidOutboxSetting_StopsTheAppAtStart_NamingIt(string setting, string value)
    {
        await using var app = new MisconfiguredPortal(setting, value);
        Assert.ThrowsAny<Exception>(() => app.Server);

        // The message the app stops with (logged as fatal): the validation of the bound section.
        var options = new EmailOptions();
        new ConfigurationBuilder().AddInMemoryCollection([new(setting, value)]).Build().GetSection(EmailOptions.Section).Bind(options);
        var errors = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.ErrorMessage!.StartsWith(setting + " must be", StringComparison.Ordinal));
    }

    /// <summary>The outbox's background service on, polling only once an hour: only this instance's signal can wake it in time.</summary>
    private sealed class LiveOutboxPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Email:OutboxEnabled", "true");
            builder.UseSetting("Email:OutboxPollSeconds", "3600");
        }

        public async Task<MimeMessage> WaitForEmailAsync(string address)
        {
            _ = Server;
            for (var i = 0; i < 100; i++)
            {
                if (Files(MailDirectory).FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address)) is { } message)
                {
                    return message;
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"No e-mail to {address} within 10 s: the outbox's service was not woken.");
        }
    }

    private sealed class MisconfiguredPortal(string setting, string value) : PortalFactory
    {
        protected override string? ConnectionStringOverride => "Host=127.0.0.1;Port=1;Database=inutile;Username=personne;Password=x";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(setting, value);
        }
    }
}
