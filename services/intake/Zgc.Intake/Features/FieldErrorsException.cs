using Zgc.Intake.Domain;

namespace Zgc.Intake.Features;

/// <summary>Several fields are wrong at once; answered as one 400 listing each field and rule.</summary>
internal sealed class FieldErrorsException(IReadOnlyList<FieldError> errors) : Exception(errors.Count == 0 ? "Invalid input." : errors[0].MessageEn)
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static void ThrowIfAny(IReadOnlyList<FieldError> errors)
    {
        if (errors.Count > 0)
        {
            throw new FieldErrorsException(errors);
        }
    }
}
