package dev.patchbay.sandbox.five9;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SOAP fault as Five9 answers it: {@code faultcode} Server (or Client for a malformed request), the
 * message as {@code faultstring}, and a detail element such as {@code UserNotFoundFault} holding
 * {@code message} and the fault's own fields (in the schema's order, which is alphabetical).
 */
final class Five9Fault extends RuntimeException {

    /** The faults a test may inject by name (those the WSDL declares). */
    static final List<String> DECLARED = List.of("CantModifyObjectFault", "ConcurrentModificationFault",
            "ExtensionAlreadyInUseFault", "IncorrectArgumentFault", "InvalidRegexpPatternFault", "InvalidUserDataFault",
            "MissedArgumentFault", "ObjectNotFoundFault", "OperationsLimitExceededFault", "SessionClosedFault",
            "SkillNotFoundFault", "TooManyUsersFault", "UserAlreadyExistsFault", "UserAlreadyHasSkillFault",
            "UserCantBeDeletedFault", "UserDoesntHaveSkillFault", "UserHasNoRequiredRoleFault", "UserNotFoundFault");

    private final String code;
    private final String name;
    private final Map<String, List<String>> details = new TreeMap<>();

    private Five9Fault(String code, String name, String message) {
        super(message, null, false, false);
        this.code = code;
        this.name = name;
        if (name != null) {
            details.put("message", List.of(message));
        }
    }

    static Five9Fault of(String name, String message) {
        return new Five9Fault("Server", name, message);
    }

    /** A request the service cannot read at all: no detail element. */
    static Five9Fault client(String message) {
        return new Five9Fault("Client", null, message);
    }

    Five9Fault with(String field, Object value) {
        details.put(field, List.of(String.valueOf(value)));
        return this;
    }

    Five9Fault with(String field, List<String> values) {
        details.put(field, List.copyOf(values));
        return this;
    }

    static Five9Fault userNotFound(String userName) {
        return of("UserNotFoundFault", "User " + userName + " not found").with("userName", userName);
    }

    static Five9Fault invalidUserData(String message) {
        return of("InvalidUserDataFault", message);
    }

    static Five9Fault missedArgument(String argument) {
        return of("MissedArgumentFault", argument + " is required");
    }

    static Five9Fault incorrectArgument(String message) {
        return of("IncorrectArgumentFault", message);
    }

    static Five9Fault skillNotFound(String skillName) {
        return of("SkillNotFoundFault", "Skill " + skillName + " not found").with("skillName", skillName);
    }

    static Five9Fault objectNotFound(String objectType, String objectName) {
        return of("ObjectNotFoundFault", objectType + " " + objectName + " not found").with("objectName", objectName)
                .with("objectType", objectType);
    }

    static Five9Fault noRequiredRole(String userName, List<String> roles, String message) {
        return of("UserHasNoRequiredRoleFault", message).with("roles", roles).with("userName", userName);
    }

    String code() {
        return code;
    }

    /** The detail element's name, or null for a Client fault. */
    String name() {
        return name;
    }

    Map<String, List<String>> details() {
        return details;
    }
}
