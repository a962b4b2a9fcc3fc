using Metodist.Web.Features.Courses;
using Metodist.Web.Features.Diagnostics;
using Metodist.Web.Features.Files;

namespace Metodist.Tests.Courses;

/// <summary>The rules of places, enrolment states, certificate scans, the course form and the plan's period, without a database.</summary>
[Trait("Category", "Unit")]
public sealed class CourseRulesTests
{
    [Theory]
    [InlineData(null, 7, null, true)]
    [InlineData(10, 0, 10, true)]
    [InlineData(10, 9, 1, true)]
    [InlineData(10, 10, 0, false)]
    [InlineData(10, 12, 0, false)]
    public void PlacesLeftAreTheQuotaLessTheTakenPlaces(int? quota, int taken, int? left, bool hasPlace)
    {
        var course = new Course { Quota = quota };

        course.PlacesLeft(taken).Should().Be(left);
        course.HasPlaceFor(taken).Should().Be(hasPlace);
    }

    [Fact]
    public void CompletionRecordsTheCertificateAndItsEvidenceText()
    {
        var enrolment = new Enrolment { Status = EnrolmentStatus.Enrolled, CertificateFileId = Guid.NewGuid() };
        var kept = enrolment.CertificateFileId;

        enrolment.Complete(new DateOnly(2026, 12, 1), "  ПК-0457 ", scanFileId: null);

        enrolment.Status.Should().Be(EnrolmentStatus.Completed);
        enrolment.CompletedOn.Should().Be(new DateOnly(2026, 12, 1));
        enrolment.CertificateNumber.Should().Be("ПК-0457");
        enrolment.CertificateFileId.Should().Be(kept, "no new scan keeps the old one");
        enrolment.Evidence.Should().Be("Удостоверение № ПК-0457 от 01.12.2026");
        enrolment.CanCancel.Should().BeFalse();
        enrolment.CanComplete.Should().BeTrue("a recorded completion may be corrected");
    }

    [Fact]
    public void CancelledEnrolmentCanBeNeitherCompletedNorCancelledAgain()
    {
        var enrolment = new Enrolment { Status = EnrolmentStatus.Enrolled };
        enrolment.Cancel();

        enrolment.Status.Should().Be(EnrolmentStatus.Cancelled);
        enrolment.IsActive.Should().BeFalse();
        enrolment.Invoking(e => e.Complete(new DateOnly(2026, 1, 1), "1", null)).Should().Throw<InvalidOperationException>();
        enrolment.Invoking(e => e.Cancel()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void ScansAreRecognisedByTheirFirstBytesNotByTheirNames()
    {
        CertificateScans.ContentTypeOf("%PDF-1.7"u8).Should().Be("application/pdf");
        CertificateScans.ContentTypeOf([0xFF, 0xD8, 0xFF, 0xE0, 0x00]).Should().Be("image/jpeg");
        CertificateScans.ContentTypeOf([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]).Should().Be("image/png");
        CertificateScans.ContentTypeOf("GIF89a"u8).Should().BeNull();

        CertificateScans.Problem(new UploadedScan("скан.pdf", "<html>"u8.ToArray())).Should().Be("Скан должен быть файлом PDF, JPG или PNG.");
        CertificateScans.Problem(new UploadedScan("скан.pdf", CertificateScans.MaxBytes + 1, [])).Should().StartWith("Файл больше 10 МБ");
        CertificateScans.Problem(new UploadedScan("scan.bin", "%PDF-"u8.ToArray())).Should().BeNull();
    }

    [Fact]
    public void StoredScanBelongsToTheTeacherAndKeepsOnlyTheFileName()
    {
        var personId = Guid.NewGuid();

        var file = CertificateScans.ToStoredFile(new UploadedScan(@"C:\Сканы\удостоверение.jpg", [0xFF, 0xD8, 0xFF, 0x01]), personId, "teacher");

        (file.FileName, file.ContentType, file.Size, file.PersonId, file.UploadedBy).Should().Be(("удостоверение.jpg", "image/jpeg", 4L, (Guid?)personId, "teacher"));
    }

    [Fact]
    public void CourseFormNamesEveryMistake()
    {
        var input = new CourseInput { Title = "", Provider = " ", Hours = 0, StartsOn = new DateOnly(2027, 2, 1), EndsOn = new DateOnly(2027, 1, 1), Quota = 0 };

        input.Validate().Keys.Should().BeEquivalentTo("Title", "Provider", "Hours", "EndsOn", "Quota", "AreaIds");
        new CourseInput { Title = "Курс", Provider = "ИРО", Hours = 2000, AreaIds = [DefaultAreas.Digital] }.Validate().Should().BeEmpty();
        new CourseInput { Title = "Курс", Provider = "ИРО", Hours = null, AreaIds = [DefaultAreas.Digital] }.Validate()["Hours"].Should().Be("Укажите объём программы в часах.");
    }

    [Fact]
    public void FormReplacesTheAreasOfTheCourse()
    {
        var course = new Course();
        course.Areas.Add(new CourseArea { CourseId = course.Id, AreaId = DefaultAreas.Legal });
        course.Areas.Add(new CourseArea { CourseId = course.Id, AreaId = DefaultAreas.Digital });

        new CourseInput { Title = " Курс ", Provider = "ИРО", Hours = 16, AreaIds = [DefaultAreas.Digital, DefaultAreas.Gifted, DefaultAreas.Gifted] }.ApplyTo(course);

        course.Title.Should().Be("Курс");
        course.Areas.Select(a => a.AreaId).Should().Equal(DefaultAreas.Digital, DefaultAreas.Gifted);
    }

    [Theory]
    [InlineData("2026-09-01", null, true)]
    [InlineData("2026-12-31", "2027-01-15", true)]
    [InlineData("2026-08-31", "2026-09-15", false)]
    [InlineData("2027-01-01", null, false)]
    [InlineData(null, "2026-10-01", true)]
    [InlineData(null, "2027-10-01", false)]
    [InlineData(null, null, true)]
    public void CourseBelongsToThePeriodItStartsIn(string? startsOn, string? endsOn, bool within)
    {
        var course = new CourseRow { StartsOn = startsOn is null ? null : DateOnly.Parse(startsOn), EndsOn = endsOn is null ? null : DateOnly.Parse(endsOn) };

        CoursePlans.StartsWithin(course, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 31)).Should().Be(within);
    }

    [Fact]
    public void ApiCodesReadBackAsTheSameValues()
    {
        CourseTitles.Forms.Select(f => f.Code()).Should().Equal("inPerson", "blended", "distance");
        CourseTitles.Kinds.Select(k => k.Code()).Should().Equal("advanced", "retraining", "internship");
        Enum.GetValues<EnrolmentStatus>().Select(s => s.Code()).Should().Equal("enrolled", "completed", "cancelled");
        CourseTitles.Forms.Should().OnlyContain(f => CourseTitles.ParseForm(f.Code()) == f);
        CourseTitles.ParseKind("RETRAINING").Should().Be(CourseKind.Retraining);
        CourseTitles.ParseForm("online").Should().BeNull();
        CourseTitles.Dates(new DateOnly(2026, 9, 1), null).Should().Be("с 01.09.2026");
        CourseTitles.Dates(null, null).Should().Be("сроки не указаны");
    }
}
