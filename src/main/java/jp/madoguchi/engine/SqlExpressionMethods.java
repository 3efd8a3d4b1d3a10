package jp.madoguchi.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The methods behind the properties the engine's SQL mappings name in their conditions, looked up once per class and
 * name instead of at every evaluation (ADR 52).
 *
 * <p>The engine builds most of its statements from conditions that MyBatis evaluates with its copy of OGNL
 * ({@code <if test="isOrQueryActive">}, {@code <if test="isTenantIdSet">} ...). Many of those names are methods,
 * not bean properties ({@code TaskQueryImpl.isOrQueryActive()}: a bean property would be {@code orQueryActive}): OGNL
 * then looks for a method of that name among <em>all</em> public methods of the class ({@code Class.getMethods()},
 * copied, every name compared ignoring case), at every evaluation, without keeping what it found. In the benchmark of
 * a whole request that search was 4% of our phase's CPU samples and 5% of the engine's alone (the skeleton's),
 * as much as composing a letter's font. This accessor keeps, per class and name, the method OGNL's own two look-ups
 * find (the bean getter, else the method of that name), and otherwise does what OGNL's {@link ObjectPropertyAccessor}
 * does: checks the member access MyBatis set, calls the method, or reads the field of that name.
 *
 * <p>It is installed for every class OGNL has no accessor of its own for (maps, lists and MyBatis's context keep
 * theirs), for the whole JVM: MyBatis's OGNL keeps its accessors in static state, and only the engine uses MyBatis
 * here. The classes are kept weakly ({@link ClassValue}).
 */
@Component
public class SqlExpressionMethods extends AbstractProcessEnginePlugin {

  static final Accessor ACCESSOR = new Accessor();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // before the engine's first statement: OGNL remembers per class which accessor it found
    install();
  }

  static void install() {
    OgnlRuntime.setPropertyAccessor(Object.class, ACCESSOR);
  }

  /** OGNL's accessor of plain objects, with the read methods it finds kept. */
  static final class Accessor extends ObjectPropertyAccessor {

    private final ClassValue<Map<String, Optional<Method>>> readMethods = new ClassValue<>() {
      @Override
      protected Map<String, Optional<Method>> computeValue(Class<?> type) {
        return new ConcurrentHashMap<>();
      }
    };

    @Override
    public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
      if (target == null) {
        return super.getPossibleProperty(context, target, name);
      }
      try {
        Method read = readMethod(target.getClass(), name);
        if (read != null && context.getMemberAccess().isAccessible(context, target, read, name)) {
          try {
            return OgnlRuntime.invokeMethod(target, read, OgnlRuntime.NoArguments);
          } catch (InvocationTargetException failure) {
            throw new OgnlException(name, failure.getTargetException());
          }
        }
        return OgnlRuntime.getFieldValue(context, target, name, true);
      } catch (OgnlException failure) {
        throw failure;
      } catch (Exception failure) {
        throw new OgnlException(name, failure);
      }
    }

    /** What OGNL's {@code getMethodValue} looks for, in its order: the bean getter, else a method of that name. */
    Method readMethod(Class<?> type, String name) {
      return readMethods.get(type).computeIfAbsent(name, property -> {
        Method getter = OgnlRuntime.getGetMethod(type, property);
        return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null));
      }).orElse(null);
    }

    /** How many names of a class were looked up: a seam for tests. */
    int namesKept(Class<?> type) {
      return readMethods.get(type).size();
    }
  }
}
