/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * Modified for Madoguchi (個人情報窓口): application name and vendor, Japanese as the
 * default locale (locales/ja.json) and Japanese date formats.
 */

export default {
  // change the app name and vendor
  app: {
    name: '個人情報窓口 Madoguchi',
    vendor: 'Madoguchi'
  },

  // date formats (moment.js); keys not given here (monthName, day) keep Camunda's defaults
  dateFormat: {
    normal: 'YYYY/MM/DD HH:mm',
    long: 'YYYY/MM/DD (ddd) HH:mm',
    short: 'YYYY/MM/DD',
    abbr: 'YYYY/MM/DD HH:mm'
  },

  // Japanese first; browsers asking for English get locales/en.json
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'ja'
  },

  // the desk works by due date: lists are sorted by it unless the user chooses another order
  customScripts: ['madoguchi/due-date-first'],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '選択中のタスクを担当する'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '一覧の最初のフィルターにフォーカスを移す'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '一覧の最初のタスクにフォーカスを移す'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'タスクフォームの最初の入力欄にフォーカスを移す'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'プロセス開始ダイアログを開く'
    }
  }
};
