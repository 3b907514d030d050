using Airgate.Airflow.Aws;
using Amazon.Runtime;

namespace Airgate.Airflow.Tests.Mwaa;

/// <summary>
/// The canonical request Airgate builds, signed by the SDK, against AWS's published Signature Version 4 test suite
/// (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service"): the part of SigV4 written here.
/// </summary>
public sealed class SigV4RequestSignerTests
{
    private static readonly ImmutableCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token: null);

    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("get-vanilla", "GET", "/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("post-vanilla", "POST", "/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    [InlineData("get-vanilla-query-order-key-case", "GET", "/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("post-vanilla-query", "POST", "/?Param1=value1", "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11")]
    public void Signs_aws_test_suite_requests_as_published(string vector, string method, string pathAndQuery, string signature)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("https://example.amazonaws.com" + pathAndQuery));

        SigV4RequestSigner.Sign(request, [], Example, "us-east-1", "service", SuiteTime);

        request.Headers.GetValues(SigV4RequestSigner.DateHeader).Single().ShouldBe("20150830T123600Z", vector);
        request.Headers.GetValues("Authorization").Single().ShouldBe(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}", vector);
    }

    [Fact]
    public void Temporary_credentials_send_and_sign_their_session_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://env.airflow.eu-west-1.amazonaws.com/restapi/cape");
        var temporary = new ImmutableCredentials("ASIAEXAMPLE", "secret", "session-token-value");

        SigV4RequestSigner.Sign(request, "{}"u8, temporary, "eu-west-1", "airflow", SuiteTime);

        request.Headers.GetValues(SigV4RequestSigner.SecurityTokenHeader).Single().ShouldBe("session-token-value");
        var authorization = request.Headers.GetValues("Authorization").Single();
        authorization.ShouldContain("SignedHeaders=host;x-amz-date;x-amz-security-token");
        authorization.ShouldContain("Credential=ASIAEXAMPLE/20150830/eu-west-1/airflow/aws4_request");
    }
}
