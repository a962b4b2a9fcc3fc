using System.Net;
using AngleSharp.Html.Dom;
using Metodist.Tests.Infrastructure;
using Metodist.Web.Features.Accounts;
using Metodist.Web.Features.Audit;
using Metodist.Web.Features.Registry;
using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metodist.Tests.Audit;

/// <summary>Every change of personal data leaves who, when, which field (in Russian), old and new value — saved with the change itself.</summary>
public sealed class AuditTrailTests(RegionFixture fixture) : IClassFixture<RegionFixture>
{
    private static readonly AuditActor Methodist = new(Guid.NewGuid(), "metodist-north");

    [Fact]
    public async Task CreatingATeacherRecordsWhoCreatedThemAndWhen()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var person = NewPerson("Создаваемова");
        await using (var db = Context(Methodist))
        {
            db.Persons.Add(person);
            await db.SaveChangesAsync();
        }
        var after = DateTime.UtcNow.AddSeconds(1);

        var entries = await EntriesAsync(person.Id);
        var created = entries.Single(e => e.EntityType == "Педагог");
        created.Action.Should().Be(AuditAction.Created);
        created.EntityId.Should().Be(person.Id);
        created.UserId.Should().Be(Methodist.UserId);
        created.UserName.Should().Be("metodist-north");
        created.At.Should().BeOnOrAfter(before).And.BeOnOrBefore(after);
        created.NewValue.Should().Be("Создаваемова Анна Петровна, 14.03.1985");
        created.OldValue.Should().BeNull();

        var employment = entries.Single(e => e.EntityType == "Место работы" && e.Action == AuditAction.Created);
        employment.NewValue.Should().Be($"{fixture.Data.NorthSchool.ShortName}, Учитель");
        entries.Single(e => e.Field == "Предметы").NewValue.Should().Be("Математика");
    }

    [Fact]
    public async Task ChangingFieldsRecordsEachFieldWithItsRussianNameOldAndNewValue()
    {
        var person = await SavedPersonAsync("Изменяемова");
        var known = await EntryIdsAsync(person.Id);
        await using (var db = Context(Methodist))
        {
            var tracked = await db.Persons.SingleAsync(p => p.Id == person.Id);
            tracked.LastName = "Изменённова";
            tracked.BirthDate = new DateOnly(1985, 3, 15);
            tracked.Email = "new@example.ru";
            tracked.EducationLevel = EducationLevel.HigherPedagogical;
            tracked.AssignCategory(QualificationCategory.Highest, new DateOnly(2025, 12, 25));
            await db.SaveChangesAsync();
        }

        var written = (await EntriesAsync(person.Id)).Where(e => !known.Contains(e.Id)).ToList();
        var changes = written.ToDictionary(e => e.Field!, e => (e.OldValue, e.NewValue));
        changes.Should().BeEquivalentTo(new Dictionary<string, (string?, string?)>
        {
            ["Фамилия"] = ("Изменяемова", "Изменённова"),
            ["Дата рождения"] = ("14.03.1985", "15.03.1985"),
            ["Электронная почта"] = (null, "new@example.ru"),
            ["Уровень образования"] = (null, "Высшее педагогическое"),
            ["Квалификационная категория"] = ("Первая", "Высшая"),
            ["Дата присвоения категории"] = ("20.04.2023", "25.12.2025"),
            ["Срок следующей аттестации"] = ("20.04.2028", "25.12.2030"),
        });
        written.Should().OnlyContain(e => e.Action == AuditAction.Updated && e.UserId == Methodist.UserId && e.UserName == Methodist.UserName && e.EntityType == "Педагог" && e.PersonId == person.Id);
    }

    [Fact]
    public async Task WritingTheSameValuesAgainRecordsNothing()
    {
        var person = await SavedPersonAsync("Неизменнова");
        var count = (await EntriesAsync(person.Id)).Count;
        await using (var db = Context(Methodist))
        {
            var tracked = await db.Persons.SingleAsync(p => p.Id == person.Id);
            tracked.LastName = "Неизменнова";
            tracked.AssignCategory(tracked.Category, tracked.CategoryAssignedOn, tracked.NextAttestationDue);
            await db.SaveChangesAsync();
        }
        (await EntriesAsync(person.Id)).Should().HaveCount(count);
    }

    [Fact]
    public async Task AddingAndRemovingSubjectsIsRecordedBySubjectName()
    {
        var person = await SavedPersonAsync("Предметова");
        var physics = RegistryTitles.DefaultSubjects.Single(s => s.Name == "Физика").Id;
        await using (var db = Context(Methodist))
        {
            var employment = await db.Employments.Include(e => e.Subjects).SingleAsync(e => e.PersonId == person.Id);
            employment.Subjects.RemoveAll(s => s.SubjectId == TestData.Mathematics);
            employment.Subjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = physics });
            await db.SaveChangesAsync();
        }
        var subjects = (await EntriesAsync(person.Id)).Where(e => e.Field == "Предметы" && e.UserId == Methodist.UserId).ToList();
        subjects.Should().BeEquivalentTo(new[]
        {
            new { OldValue = (string?)"Математика", NewValue = (string?)null, EntityType = "Место работы", PersonId = (Guid?)person.Id },
            new { OldValue = (string?)null, NewValue = (string?)"Физика", EntityType = "Место работы", PersonId = (Guid?)person.Id },
        });
    }

    [Fact]
    public async Task MovingToAnotherOrganizationRecordsBothOrganizationsByName()
    {
        var person = await SavedPersonAsync("Переводова");
        var known = await EntryIdsAsync(person.Id);
        await using (var db = Context(Methodist))
        {
            var employment = await db.Employments.SingleAsync(e => e.PersonId == person.Id);
            employment.PlaceAt(await db.Organizations.SingleAsync(o => o.Id == fixture.Data.SouthSchool.Id));
            employment.IsMain = false;
            await db.SaveChangesAsync();
        }
        var written = (await EntriesAsync(person.Id)).Where(e => !known.Contains(e.Id)).ToList();
        written.Should().OnlyContain(e => e.EntityType == "Место работы" && e.Action == AuditAction.Updated);
        var changes = written.ToDictionary(e => e.Field!, e => (e.OldValue, e.NewValue));
        changes.Should().BeEquivalentTo(new Dictionary<string, (string?, string?)>
        {
            ["Организация"] = (fixture.Data.NorthSchool.ShortName, fixture.Data.SouthSchool.ShortName),
            ["Основное место работы"] = ("да", "нет"),
        });
    }

    [Fact]
    public async Task DeletingATeacherRecordsWhatWasDeleted()
    {
        var person = await SavedPersonAsync("Удаляемова");
        await using (var db = Context(Methodist))
        {
            db.Persons.Remove(await db.Persons.Include(p => p.Employments).SingleAsync(p => p.Id == person.Id));
            await db.SaveChangesAsync();
        }
        var deleted = (await EntriesAsync(person.Id)).Where(e => e.Action == AuditAction.Deleted).ToList();
        deleted.Should().ContainSingle(e => e.EntityType == "Педагог").Which.OldValue.Should().Be("Удаляемова Анна Петровна, 14.03.1985");
        deleted.Should().OnlyContain(e => e.UserId == Methodist.UserId);
    }

    [Fact]
    public async Task ChangesMadeOutsideARequestAreSignedByTheSystem()
    {
        var person = NewPerson("Системова");
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Persons.Add(person);
            await db.SaveChangesAsync();
        }
        (await EntriesAsync(person.Id)).Should().OnlyContain(e => e.UserId == null && e.UserName == "система");
    }

    [Fact]
    public async Task BulkLoaderThatSwitchesAuditOffWritesNoEntries()
    {
        var person = NewPerson("Безаудитова");
        await using (var db = Context(Methodist))
        {
            db.AuditEnabled = false;
            db.Persons.Add(person);
            await db.SaveChangesAsync();
        }
        (await EntriesAsync(person.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task FailedSaveLeavesNeitherTheChangeNorItsAuditEntry()
    {
        var person = NewPerson("Несохранённова");
        person.Employments[0].PositionId = Guid.NewGuid();
        await using (var db = Context(Methodist))
        {
            db.Persons.Add(person);
            var save = () => db.SaveChangesAsync();
            await save.Should().ThrowAsync<DbUpdateException>();
        }
        (await EntriesAsync(person.Id)).Should().BeEmpty();
        await using var scope = fixture.App.Scope();
        (await scope.ServiceProvider.GetRequiredService<AppDbContext>().Persons.AnyAsync(p => p.Id == person.Id)).Should().BeFalse();
    }

    [Fact]
    public async Task EditingOnTheTeacherPageRecordsTheSignedInMethodist()
    {
        var person = await SavedPersonAsync("Редактируемова");
        var known = await EntryIdsAsync(person.Id);
        var login = await fixture.Data.AddUserAsync(RegionFixture.UniqueLogin("editor"), null, (AppRole.MunicipalMethodist, fixture.Data.North.Id));
        using var browser = await BrowserSession.SignedInAsync(fixture.App, login);

        var page = await browser.GetPageAsync($"/Registry/Teachers/Edit/{person.Id}");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Method == "post" && f.QuerySelector("[name='Input.LastName']") is not null);
        var fields = BrowserSession.FormFields(form);
        BrowserSession.Set(fields, "Input.LastName", "Отредактированова");
        BrowserSession.Set(fields, "Input.Phone", "+7 900 123-45-67");
        var response = await browser.Client.PostAsync($"/Registry/Teachers/Edit/{person.Id}", new FormUrlEncodedContent(fields));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        Guid userId;
        await using (var scope = fixture.App.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            userId = await db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync();
        }
        var changes = (await EntriesAsync(person.Id)).Where(e => !known.Contains(e.Id)).ToList();
        changes.Select(e => (e.Field, e.OldValue, e.NewValue)).Should().BeEquivalentTo(new[]
        {
            ("Фамилия", (string?)"Редактируемова", (string?)"Отредактированова"),
            ("Телефон", null, "+7 900 123-45-67"),
        }, "a form posted back with two fields changed must record those two and nothing else");
        changes.Should().OnlyContain(e => e.Action == AuditAction.Updated && e.UserId == userId && e.UserName == login);

        var card = await browser.GetPageAsync($"/Registry/Teachers/Details/{person.Id}");
        card.Body!.TextContent.Should().Contain("Редактируемова").And.Contain("Отредактированова");
    }

    private AppDbContext Context(AuditActor actor)
    {
        var scope = fixture.App.Services.CreateScope();
        return new AppDbContext(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<AppDbContext>>(), actor);
    }

    private Person NewPerson(string lastName)
    {
        var person = new Person { LastName = lastName, FirstName = "Анна", MiddleName = "Петровна", BirthDate = new DateOnly(1985, 3, 14), PedagogicalWorkStart = new DateOnly(2008, 9, 1) };
        person.AssignCategory(QualificationCategory.First, new DateOnly(2023, 4, 20));
        var employment = new Employment { PersonId = person.Id, PositionId = TestData.Teacher, IsMain = true, StartDate = new DateOnly(2015, 9, 1) };
        employment.OrganizationId = fixture.Data.NorthSchool.Id;
        employment.MunicipalityId = fixture.Data.North.Id;
        employment.Subjects.Add(new EmploymentSubject { EmploymentId = employment.Id, SubjectId = TestData.Mathematics });
        person.Employments.Add(employment);
        return person;
    }

    private Task<Person> SavedPersonAsync(string lastName) => fixture.Data.AddTeacherAsync(fixture.Data.NorthSchool, lastName);

    private async Task<HashSet<Guid>> EntryIdsAsync(Guid personId) => (await EntriesAsync(personId)).Select(e => e.Id).ToHashSet();

    private async Task<List<AuditEntry>> EntriesAsync(Guid personId)
    {
        await using var scope = fixture.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.AuditEntries.AsNoTracking().Where(e => e.PersonId == personId).ToListAsync();
    }
}
