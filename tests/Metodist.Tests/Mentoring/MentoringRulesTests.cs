using Metodist.Web.Features.Mentoring;

namespace Metodist.Tests.Mentoring;

[Trait("Category", "Unit")]
public sealed class MentoringRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static MentoringPair Pair(MentoringStatus status = MentoringStatus.Active) =>
        new() { Status = status, StartDate = new DateOnly(2026, 9, 1), EndDate = new DateOnly(2027, 5, 31) };

    [Theory]
    [InlineData(2, 1, 2, "У наставника будет 3 наставляемых при норме 2")]
    [InlineData(0, 3, 2, "У наставника будет 3 наставляемых при норме 2")]
    [InlineData(20, 1, 5, "У наставника будет 21 наставляемый при норме 5")]
    [InlineData(1, 1, 2, null)]
    [InlineData(0, 1, 2, null)]
    public void ALoadOverTheLimitIsWarnedAboutAndOneAtTheLimitIsNot(int current, int adding, int limit, string? warning) =>
        MentoringRules.LoadWarning(current, adding, limit).Should().Be(warning);

    [Fact]
    public void AnOverloadIsNotedOnlyAboveTheLimit()
    {
        MentoringRules.OverloadNote(2, 2).Should().BeNull();
        MentoringRules.OverloadNote(3, 2).Should().Be("Перегрузка: 3 наставляемых при норме 2");
    }

    [Theory]
    [InlineData("ExperiencedYoung", MentoringForm.ExperiencedYoung)]
    [InlineData("experiencedYoung", MentoringForm.ExperiencedYoung)]
    [InlineData("experienced-young", MentoringForm.ExperiencedYoung)]
    [InlineData("EXPERIENCED_YOUNG", MentoringForm.ExperiencedYoung)]
    [InlineData("опытный педагог — молодой специалист", MentoringForm.ExperiencedYoung)]
    [InlineData("педагог — педагог: опытный педагог — молодой специалист", MentoringForm.ExperiencedYoung)]
    [InlineData("competent-learning", MentoringForm.CompetentLearning)]
    [InlineData("Владеющий компетенцией — осваивающий её", MentoringForm.CompetentLearning)]
    [InlineData("владеющий компетенцией - осваивающий ее", MentoringForm.CompetentLearning)]
    [InlineData("leader_passive", MentoringForm.LeaderPassive)]
    [InlineData("руководитель — педагог", MentoringForm.ManagerTeacher)]
    [InlineData(" managerTeacher ", MentoringForm.ManagerTeacher)]
    public void FormsAreReadInAnyCaseStyleAndInRussian(string text, MentoringForm form) => MentoringTitles.ParseForm(text).Should().Be(form);

    [Theory]
    [InlineData("")]
    [InlineData("teacher-teacher")]
    [InlineData("педагог — педагог")]
    public void UnknownFormsAreNotGuessed(string text) => MentoringTitles.ParseForm(text).Should().BeNull();

    [Fact]
    public void TermsNeedAStartAndAnEndNotBeforeIt()
    {
        MentoringRules.CheckTerms(null, null, null, null, null).Should().Be("Укажите дату начала наставничества.");
        MentoringRules.CheckTerms(Today, Today.AddDays(-1), null, null, null).Should().Be("Дата окончания (21.11.2026) раньше даты начала (22.11.2026).");
        MentoringRules.CheckTerms(Today, Today, null, null, null).Should().BeNull();
        MentoringRules.CheckTerms(Today, null, null, Today, null).Should().Be("Укажите номер приказа, раз указана его дата.");
    }

    [Fact]
    public void AMeetingIsLoggedOnlyInARunningPairOnADayThatHasPassedWithATopicAndSensibleHours()
    {
        var pair = Pair();
        MentoringRules.CheckMeeting(pair, Today, "Анализ урока", 1.5m, Today).Should().BeNull();
        MentoringRules.CheckMeeting(pair, Today.AddDays(1), "Анализ урока", 1m, Today).Should().StartWith("Дата встречи не может быть в будущем");
        MentoringRules.CheckMeeting(pair, new DateOnly(2026, 8, 31), "Анализ урока", 1m, Today).Should().StartWith("Встреча раньше начала наставничества");
        MentoringRules.CheckMeeting(pair, Today, " ", 1m, Today).Should().Be("Укажите тему встречи.");
        MentoringRules.CheckMeeting(pair, Today, "Анализ урока", 0m, Today).Should().StartWith("Продолжительность встречи");
        MentoringRules.CheckMeeting(pair, Today, "Анализ урока", 13m, Today).Should().StartWith("Продолжительность встречи");
        MentoringRules.CheckMeeting(pair, Today, "Анализ урока", 1.25m, Today).Should().StartWith("Продолжительность указывается с точностью");
        MentoringRules.CheckMeeting(Pair(MentoringStatus.Completed), Today, "Анализ урока", 1m, Today).Should().StartWith("Пара завершена");
    }

    [Fact]
    public void APairClosesOnceWithAnEvaluationAndAMarkFromOneToFive()
    {
        MentoringRules.CheckClose(Pair(), "Освоила планирование уроков", 5, null, Today).Should().BeNull();
        MentoringRules.CheckClose(Pair(), "", 5, null, Today).Should().StartWith("Напишите итоговую оценку");
        MentoringRules.CheckClose(Pair(), "Итог", 0, null, Today).Should().Be("Поставьте итоговую отметку от 1 до 5.");
        MentoringRules.CheckClose(Pair(), "Итог", 6, null, Today).Should().Be("Поставьте итоговую отметку от 1 до 5.");
        MentoringRules.CheckClose(Pair(), "Итог", 4, Today.AddDays(1), Today).Should().StartWith("Дата завершения");
        MentoringRules.CheckClose(Pair(MentoringStatus.Completed), "Итог", 4, null, Today).Should().Be("Пара уже завершена.");
        MentoringRules.CheckCancel(Pair(MentoringStatus.Cancelled)).Should().StartWith("Пара уже отменена");
        MentoringRules.CheckCancel(Pair()).Should().BeNull();
    }

    [Theory]
    [InlineData("112-од", "№ 112-од от 29.08.2026")]
    [InlineData("№ 112-од", "№ 112-од от 29.08.2026")]
    [InlineData("  ", null)]
    public void OrdersAreWrittenWithTheNumberSignOnce(string number, string? text) =>
        MentoringRules.OrderText(MentoringRules.CleanOrderNumber(number), new DateOnly(2026, 8, 29)).Should().Be(text);

    [Theory]
    [InlineData("1,5", 1.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("2", 2.0)]
    [InlineData("два", null)]
    public void HoursAreReadWithACommaOrAPoint(string text, double? hours) =>
        MentoringRules.ParseHours(text).Should().Be(hours is { } h ? (decimal)h : null);
}
