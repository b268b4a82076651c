using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TrajectoirEss.Domain.Projects;
using TrajectoirEss.Infrastructure.Persistence;

namespace TrajectoirEss.EndToEnd.Tests;

/// <summary>
/// Issue 19, item 9: at 320 and at 1,280 pixels, on the main pages of each kind of user, no word of a table
/// header or cell, a button, a link or a label is broken inside ("Enregist rer"), the page does not scroll
/// sideways, and every table sits in a box that scrolls it and that the keyboard reaches (a named region).
/// </summary>
[Collection(PortalGroup.Name)]
public sealed class NarrowScreenTests(PortalServer portal)
{
    /// <summary>
    /// In the page: each word (between ordinary spaces; a no-break space joins) of the text of th, td, button, a and
    /// label must lie on one line — the client rectangles of a Range over it share one top. A word may break after
    /// its hyphens ("co-|porteur"); a long address or e-mail (with "@" or "/", or over 30 characters) may wrap.
    /// Visually hidden text (one pixel wide on purpose) and text not shown are left out.
    /// </summary>
    private const string BrokenWords = """
        () => {
          const broken = [];
          const hidden = el => el.closest('.visually-hidden, .visually-hidden-focusable, [hidden], [aria-hidden=true]') !== null;
          const elements = document.querySelectorAll('th, td, button, a, label, .btn');
          const seen = new Set();
          for (const element of elements) {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (seen.has(node) || !node.parentElement || hidden(node.parentElement)) { continue; }
              seen.add(node);
              const text = node.textContent;
              const re = /[^ \t\n\r]+/g;
              let m;
              while ((m = re.exec(text)) !== null) {
                const word = m[0];
                if (word.length > 30 || word.includes('@') || word.includes('/')) { continue; }
                // Pieces that may end a line: after each hyphen.
                let start = m.index;
                for (const piece of word.split(/(?<=[-‐])/)) {
                  const range = document.createRange();
                  range.setStart(node, start);
                  range.setEnd(node, start + piece.length);
                  start += piece.length;
                  const tops = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0).map(r => Math.round(r.top));
                  if (tops.length > 1 && Math.max(...tops) - Math.min(...tops) > 2) {
                    broken.push(element.tagName.toLowerCase() + ': « ' + piece + ' »');
                  }
                }
              }
            }
          }
          return [...new Set(broken)].slice(0, 10);
        }
        """;

    /// <summary>Tables outside a focusable, named, scrolling region.</summary>
    private const string TablesOutsideARegion = """
        () => [...document.querySelectorAll('table')].filter(t => {
            const box = t.closest('.table-responsive');
            return !box || box.getAttribute('role') !== 'region' || box.getAttribute('tabindex') !== '0' || !(box.getAttribute('aria-label') || '').trim()
              || getComputedStyle(box).overflowX !== 'auto';
          }).map(t => t.getAttribute('data-testid') || t.querySelector('caption')?.textContent.trim() || 'table')
        """;

    private async Task<IReadOnlyList<(string? Account, string Path, string Name)>> PagesAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrajectoirEssDbContext>();
        var morlaix = await db.Poles.Where(p => p.Code == "adess-du-pays-de-morlaix").Select(p => p.Id).SingleAsync();
        var tag29 = await db.Structures.Where(s => s.Code == "tag29").Select(s => s.Id).SingleAsync();
        var showcase = await db.Projects.Where(p => p.Title == "Tiers-lieu de la baie de Morlaix").Select(p => p.Id).SingleAsync();
        var poleProject = await db.Projects.Where(p => p.PoleId == morlaix && p.Status != ProjectStatus.Draft).OrderByDescending(p => p.SubmittedAt).Select(p => p.Id).FirstAsync();
        var referral = await db.Referrals.Where(r => r.StructureId == tag29).OrderByDescending(r => r.ReferredAt).Select(r => r.Id).FirstAsync();
        return
        [
            (null, "/accessibilite", "accessibilite"),
            ("porteur@demo.test", "/porteur", "porteur-espace"),
            ("porteur@demo.test", "/porteur/projets/nouveau", "porteur-nouvelle-idee"),
            ("porteur@demo.test", $"/porteur/projets/{showcase}", "porteur-projet"),
            ("porteur@demo.test", "/porteur/mes-donnees", "porteur-mes-donnees"),
            ("pole-morlaix@demo.test", "/pole", "pole-projets"),
            ("pole-morlaix@demo.test", $"/pole/projets/{poleProject}", "pole-fiche"),
            ("pole-morlaix@demo.test", "/pole/territoire", "pole-territoire"),
            ("tag29@demo.test", "/structure", "structure-orientations"),
            ("tag29@demo.test", $"/structure/orientations/{referral}", "structure-orientation"),
            ("tag29@demo.test", "/structure/sessions", "structure-sessions"),
            ("franceactive@demo.test", "/structure/financements", "structure-financements"),
            ("coordination@demo.test", "/coordination", "coordination-tableau-de-bord"),
            ("admin@demo.test", "/admin", "admin-accueil"),
            ("admin@demo.test", "/admin/comptes", "admin-comptes"),
            ("admin@demo.test", "/admin/poles", "admin-poles"),
            ("admin@demo.test", "/admin/listes", "admin-listes"),
            ("admin@demo.test", "/admin/journal", "admin-journal"),
        ];
    }

    [Fact]
    public async Task AtEveryWidth_NoWordIsBrokenInside_ThePageDoesNotScrollSideways_AndTablesScrollInTheirBox()
    {
        var problems = new List<string>();
        var pages = await PagesAsync();
        foreach (var account in pages.Select(p => p.Account).Distinct())
        {
            var page = account is null ? await portal.NewPageAsync() : await portal.SignInAsync(account);
            foreach (var width in new[] { 320, 1280 })
            {
                await page.SetViewportSizeAsync(width, 800);
                foreach (var (_, path, name) in pages.Where(p => p.Account == account))
                {
                    var response = await page.GotoAsync(path);
                    if (response is null || !response.Ok)
                    {
                        problems.Add($"{path}: answered {response?.Status}");
                        continue;
                    }

                    var broken = await page.EvaluateAsync<JsonElement>(BrokenWords);
                    problems.AddRange(broken.EnumerateArray().Select(w => $"{path} at {width} px: word broken in {w.GetString()}"));
                    var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                    if (overflow > 0)
                    {
                        problems.Add($"{path} at {width} px: the page scrolls {overflow} px sideways");
                    }

                    var outside = await page.EvaluateAsync<JsonElement>(TablesOutsideARegion);
                    problems.AddRange(outside.EnumerateArray().Select(t => $"{path} at {width} px: table {t.GetString()} is not in a focusable scrolling region"));
                    if (width == 320)
                    {
                        await PortalServer.ScreenshotAsync(page, $"etroit-{name}-320");
                    }
                }
            }

            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, "Narrow-screen problems:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task AWideTable_ScrollsInItsBox_WithTheKeyboard()
    {
        var page = await portal.SignInAsync("pole-morlaix@demo.test");
        await page.SetViewportSizeAsync(320, 800);
        await page.GotoAsync("/pole");
        var region = page.GetByRole(AriaRole.Region, new() { Name = "Projets du pôle, les plus récents d'abord" });
        await region.FocusAsync();
        Assert.True(await region.EvaluateAsync<bool>("r => r.scrollWidth > r.clientWidth"), "At 320 px the inbox's table should be wider than its box.");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(region).ToBeFocusedAsync();
        Assert.True(await region.EvaluateAsync<double>("r => r.scrollLeft") > 0, "The arrow keys should scroll the focused table box.");
        await page.Context.CloseAsync();
    }
}
