// Tasklist writes due and creation dates with angular-moment's am-time-ago ("Due in a month"). Staff plan
// by the date itself, so every such date is written in full instead: angular-moment writes the full date
// once "now minus the date" reaches the threshold, in days; a threshold a century in the past holds for every
// date, future deadlines included.
define([], function() {
  'use strict';
  window.angular.module('clave.fechas', []).run(['amTimeAgoConfig', function(config) {
    config.fullDateThreshold = -36500;
    config.fullDateThresholdUnit = 'day';
    config.fullDateFormat = 'D [de] MMMM [de] YYYY';
  }]);
});
