package jp.madoguchi.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The routes of our own controllers, found in the application's handler mappings, so that a test that walks them
 * covers pages added later without being edited.
 */
public final class OurRoutes {

  /** The patterns of every route of our controllers that answers GET (or any method). */
  public static List<String> get(RequestMappingHandlerMapping mappings) {
    Set<String> routes = new TreeSet<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
      if (!mapping.getValue().getBeanType().getName().startsWith("jp.madoguchi.")) {
        continue;
      }
      Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
      if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
        routes.addAll(mapping.getKey().getPatternValues());
      }
    }
    return List.copyOf(routes);
  }

  /**
   * The route with its path variables ({@code {name}} or {@code {name:regex}}) filled in: by the segment before it
   * and the name ({@code "letters/id"}), else by the name alone. A route with a variable the test does not know fails
   * here, so that whoever adds it gives the test a value for it.
   */
  public static String fill(String route, Map<String, String> values) {
    StringBuilder path = new StringBuilder();
    int at = 0;
    while (at < route.length()) {
      char c = route.charAt(at);
      if (c != '{') {
        path.append(c);
        at++;
        continue;
      }
      int depth = 0;
      int end = at;
      for (; end < route.length(); end++) {
        if (route.charAt(end) == '{') {
          depth++;
        } else if (route.charAt(end) == '}' && --depth == 0) {
          break;
        }
      }
      String variable = route.substring(at + 1, end);
      String name = variable.contains(":") ? variable.substring(0, variable.indexOf(':')) : variable;
      String before = path.toString().replaceAll("/$", "");
      String segment = before.substring(before.lastIndexOf('/') + 1);
      String value = values.getOrDefault(segment + "/" + name, values.get(name));
      if (value == null) {
        throw new AssertionError("The route " + route + " has a path variable {" + name
            + "} this test cannot fill: give the test a value for it");
      }
      path.append(value);
      at = end + 1;
    }
    return path.toString();
  }

  private OurRoutes() {}
}
