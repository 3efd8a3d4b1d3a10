package jp.madoguchi.intake;

import java.util.List;

/**
 * What is wrong with one field: a message code of {@code messages*.properties} and its arguments. The field is named
 * as in the JSON body ({@code principal.email}); the page uses the same names.
 */
record FieldProblem(String field, String code, List<Object> arguments) {

  FieldProblem(String field, String code, Object... arguments) {
    this(field, code, List.of(arguments));
  }
}
