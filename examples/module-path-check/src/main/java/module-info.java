/**
 * The module-path check: a host module that requires the engine alone. The built-in classifiers,
 * the playbook and the geography plugin join the module graph only through service binding, since
 * {@code org.clientele.core} declares {@code uses} for both provider interfaces.
 */
module com.example.clientele.modulecheck {
  requires org.clientele.core;
}
