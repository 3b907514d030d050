using System.Diagnostics.CodeAnalysis;

namespace Airgate.Airflow;

/// <summary>Either a value from Airflow or the reason there is none; never null, never an exception.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public readonly record struct AirflowResult<T>
{
    private AirflowResult(T? value, AirflowFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    /// <summary>The value, present exactly when <see cref="IsSuccess"/> is true.</summary>
    public T? Value { get; }

    /// <summary>The failure, present exactly when <see cref="IsSuccess"/> is false.</summary>
    public AirflowFailure? Failure { get; }

    /// <summary>True when Airflow answered with a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool IsSuccess => Failure is null;

    /// <summary>Wraps a value.</summary>
    public static implicit operator AirflowResult<T>(T value) => new(value, null);

    /// <summary>Wraps a failure.</summary>
    public static implicit operator AirflowResult<T>(AirflowFailure failure) => new(default, failure);
}
