using Metodist.Web.Features.Registry;

namespace Metodist.Tests.Registry;

[Trait("Category", "Unit")]
public sealed class SnilsTests
{
    [Fact]
    public void GeneratedNumberIsNormalizedToItself()
    {
        var snils = Snils.FromNumber(112233445);
        snils.Should().Be("112-233-445 95");
        Snils.Normalize(snils, out var error).Should().Be(snils);
        error.Should().BeNull();
    }

    [Theory]
    [InlineData("11223344595")]
    [InlineData("112 233 445 95")]
    [InlineData("112-233-445-95")]
    [InlineData(" 112-233-445 95 ")]
    [InlineData("112 - 233 - 445   95")]
    public void DigitsWithSpacesAndDashesAreAccepted(string value)
    {
        Snils.Normalize(value, out var error).Should().Be("112-233-445 95");
        error.Should().BeNull();
    }

    [Fact]
    public void WrongChecksumIsRejectedWithAReason()
    {
        Snils.Normalize("112-233-445 96", out var error).Should().BeNull();
        error.Should().Contain("контрольной суммы");
    }

    [Theory]
    [InlineData("112-233-445 9")]
    [InlineData("112-233-445 955")]
    [InlineData("112.233.445 95")]
    [InlineData("112-233-445/95")]
    [InlineData("СНИЛС 11223344595")]
    public void WrongLengthOrForeignCharactersAreRejectedWithAReason(string value)
    {
        Snils.Normalize(value, out var error).Should().BeNull();
        error.Should().Contain("11 цифр");
    }

    [Theory]
    [InlineData("١١٢٢٣٣٤٤٥٩٥")]
    [InlineData("１１２２３３４４５９５")]
    public void NonLatinDigitsAreRejectedRatherThanCrashing(string value)
    {
        Snils.Normalize(value, out var error).Should().BeNull();
        error.Should().NotBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyValueIsNoSnilsAndNoError(string? value)
    {
        Snils.Normalize(value, out var error).Should().BeNull();
        error.Should().BeNull();
    }

    [Fact]
    public void ChecksumIsZeroWhenTheWeightedSumIsOneHundredOrOneHundredAndOneOrLeavesOneHundred()
    {
        // Weighted sums of 100 and 101 give 00, and so does 201, whose remainder modulo 101 is 100.
        var sums = new Dictionary<int, string>();
        for (var n = 1002000; n < 999_999_999 && sums.Count < 3; n += 997)
        {
            var digits = n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++) sum += (digits[i] - '0') * (9 - i);
            if (sum is 100 or 101 or 201 && !sums.ContainsKey(sum)) sums[sum] = digits;
        }
        sums.Keys.Should().BeEquivalentTo([100, 101, 201]);
        foreach (var digits in sums.Values)
        {
            Snils.HasValidChecksum(digits + "00").Should().BeTrue($"the checksum of {digits} is 00");
            Snils.FromNumber(int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)).Should().EndWith(" 00");
        }
    }

    [Fact]
    public void NumbersIssuedBeforeChecksumsExistedAcceptAnyControlDigits() =>
        Snils.Normalize("001-001-998 42", out _).Should().Be("001-001-998 42");
}
