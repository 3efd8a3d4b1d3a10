package jp.madoguchi.process;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A process variable with its name and type in one place, so that no delegate casts {@code getVariable("x")}.
 *
 * @param <T> the Java type the variable holds
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Long> number(String name) {
    return new ProcessVariable<>(name, Long.class);
  }

  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(name, Date.class);
  }

  /** A list of codes, submitted by a form's checklist as JSON, or set from Java as a list. */
  public static ProcessVariable<List> list(String name) {
    return new ProcessVariable<>(name, List.class);
  }

  public String name() {
    return name;
  }

  /** The value, or null when the variable is not set. */
  public T get(VariableScope scope) {
    return convert(scope.getVariable(name));
  }

  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("Process variable " + name + " is missing");
    }
    return value;
  }

  /** Reads an enum held as its name. */
  public <E extends Enum<E>> E getEnum(VariableScope scope, Class<E> enumType) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : Enum.valueOf(enumType, value.toString());
  }

  public boolean isTrue(VariableScope scope) {
    return Boolean.TRUE.equals(get(scope));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Sets a list of codes as a form's checklist submits one: JSON, which integrators read as they read the form's. */
  public void setCodes(VariableScope scope, List<String> codes) {
    scope.setVariable(name, Spin.JSON(List.copyOf(codes)));
  }

  public void setEnum(VariableScope scope, Enum<?> value) {
    scope.setVariable(name, value == null ? null : value.name());
  }

  @SuppressWarnings("unchecked")
  private T convert(Object value) {
    if (value == null) {
      return null;
    }
    if (type == Long.class && value instanceof Number number) {
      return (T) Long.valueOf(number.longValue());
    }
    if (type == Long.class && value instanceof String text) {
      return (T) Long.valueOf(text.trim());
    }
    if (type == Boolean.class && value instanceof String text) {
      return (T) Boolean.valueOf(text);
    }
    if (type == String.class && !(value instanceof String)) {
      return (T) value.toString();
    }
    if (type == List.class && value instanceof SpinJsonNode json) {
      return (T) json.elements().stream().map(SpinJsonNode::stringValue).toList();
    }
    if (type == List.class && value instanceof String text) {
      return (T) (text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*")));
    }
    return type.cast(value);
  }
}
